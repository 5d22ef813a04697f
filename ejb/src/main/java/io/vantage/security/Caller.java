package io.vantage.security;

import io.vantage.persistence.security.Role;
import java.io.Serializable;

/**
 * The authenticated person behind a request; every service call that reads or changes an organization's data takes
 * one, and scopes its work to {@link #organizationId()}.
 *
 * @param userId         the user
 * @param organizationId the user's organization
 * @param username       the user's login name
 * @param role           what the user may do
 */
public record Caller(long userId, long organizationId, String username, Role role) implements Serializable {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}

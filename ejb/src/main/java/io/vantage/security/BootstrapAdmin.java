package io.vantage.security;

import io.vantage.ServiceLog;
import io.vantage.persistence.inventory.Organization;
import io.vantage.persistence.inventory.OrganizationRepository;
import io.vantage.persistence.security.Role;
import io.vantage.persistence.security.User;
import io.vantage.persistence.security.UserRepository;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Creates the first organization and its administrator on an empty database, so a new installation can be signed
 * in to. The password comes from the system property {@code vantage.bootstrap.admin-password}.
 */
@Singleton
@Startup
@DependsOn("RelationalSchemaMigrator")
public class BootstrapAdmin {

    static final String ORGANIZATION = "default";
    static final String USERNAME = "admin";
    static final String DEFAULT_PASSWORD = "admin";

    @Inject
    OrganizationRepository organizations;

    @Inject
    UserRepository users;

    @Inject
    Clock clock;

    @PostConstruct
    void createFirstAdministrator() {
        if (organizations.count() > 0) {
            return;
        }
        String password = System.getProperty("vantage.bootstrap.admin-password", DEFAULT_PASSWORD);
        Organization organization = organizations.add(new Organization(ORGANIZATION, clock.instant()));
        users.add(new User(organization, USERNAME, "Administrator", PasswordHasher.hash(password), Role.ADMIN,
                clock.instant()));
        ServiceLog.bootstrapAdminCreated(USERNAME, DEFAULT_PASSWORD.equals(password));
    }
}

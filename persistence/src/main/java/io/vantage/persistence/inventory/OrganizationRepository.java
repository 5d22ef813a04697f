package io.vantage.persistence.inventory;

import java.util.Optional;

/** The tenants. */
public interface OrganizationRepository {

    Optional<Organization> find(long organizationId);

    Optional<Organization> findByName(String name);

    Organization add(Organization organization);

    long count();
}

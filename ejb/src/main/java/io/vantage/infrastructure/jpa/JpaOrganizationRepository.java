package io.vantage.infrastructure.jpa;

import io.vantage.persistence.inventory.Organization;
import io.vantage.persistence.inventory.OrganizationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Organizations in the relational store. */
@ApplicationScoped
public class JpaOrganizationRepository implements OrganizationRepository {

    @PersistenceContext(unitName = "vantage")
    EntityManager em;

    @Override
    public Optional<Organization> find(long organizationId) {
        return Optional.ofNullable(em.find(Organization.class, organizationId));
    }

    @Override
    public Optional<Organization> findByName(String name) {
        return em.createQuery("select o from Organization o where o.name = :name", Organization.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Organization add(Organization organization) {
        em.persist(organization);
        return organization;
    }

    @Override
    public long count() {
        return em.createQuery("select count(o) from Organization o", Long.class).getSingleResult();
    }
}

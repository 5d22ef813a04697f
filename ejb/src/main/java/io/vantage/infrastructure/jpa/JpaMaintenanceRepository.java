package io.vantage.infrastructure.jpa;

import io.vantage.persistence.maintenance.MaintenanceRepository;
import io.vantage.persistence.maintenance.MaintenanceWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Maintenance windows in the relational store. */
@ApplicationScoped
public class JpaMaintenanceRepository implements MaintenanceRepository {

    @PersistenceContext(unitName = "vantage")
    EntityManager em;

    @Override
    public List<MaintenanceWindow> findAll(long organizationId) {
        return em.createQuery("select w from MaintenanceWindow w where w.organization.id = :org order by w.startsAt",
                        MaintenanceWindow.class)
                .setParameter("org", organizationId)
                .getResultList();
    }

    @Override
    public Optional<MaintenanceWindow> find(long organizationId, long windowId) {
        return Optional.ofNullable(em.find(MaintenanceWindow.class, windowId))
                .filter(w -> w.getOrganizationId() == organizationId);
    }

    @Override
    public MaintenanceWindow add(MaintenanceWindow window) {
        em.persist(window);
        return window;
    }

    @Override
    public void remove(MaintenanceWindow window) {
        em.remove(window);
    }
}

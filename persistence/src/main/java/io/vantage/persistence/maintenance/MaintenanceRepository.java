package io.vantage.persistence.maintenance;

import java.util.List;
import java.util.Optional;

/** An organization's maintenance windows. */
public interface MaintenanceRepository {

    List<MaintenanceWindow> findAll(long organizationId);

    Optional<MaintenanceWindow> find(long organizationId, long windowId);

    MaintenanceWindow add(MaintenanceWindow window);

    void remove(MaintenanceWindow window);
}

package io.vantage.maintenance;

import io.vantage.InvalidInputException;
import io.vantage.UnknownIdException;
import io.vantage.monitors.MonitorRules;
import io.vantage.persistence.inventory.Organization;
import io.vantage.persistence.inventory.OrganizationRepository;
import io.vantage.persistence.maintenance.MaintenanceRepository;
import io.vantage.persistence.maintenance.MaintenanceWindow;
import io.vantage.security.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The caller's maintenance windows: listed, planned and cancelled. */
@Stateless
public class MaintenanceWindows {

    @Inject
    MaintenanceRepository windows;

    @Inject
    OrganizationRepository organizations;

    @Inject
    Clock clock;

    public List<MaintenanceWindow> list(Caller caller) {
        return windows.findAll(caller.organizationId());
    }

    public MaintenanceWindow get(Caller caller, long windowId) {
        return windows.find(caller.organizationId(), windowId)
                .orElseThrow(() -> new UnknownIdException("maintenance window", windowId));
    }

    public MaintenanceWindow plan(Caller caller, MaintenanceDefinition definition) {
        if (definition.name() == null || definition.name().isBlank() || definition.name().length() > 100) {
            throw new InvalidInputException("name must be 1-100 characters");
        }
        MonitorRules.validateQuery(definition.nodeQuery());
        Set<DayOfWeek> days = MaintenanceSchedule.parseDays(definition.days());
        MaintenanceSchedule schedule = new MaintenanceSchedule(definition.startsAt(), definition.endsAt(), days,
                definition.durationMinutes() == null ? null : java.time.Duration.ofMinutes(definition.durationMinutes()),
                MaintenanceSchedule.parseZone(definition.timeZone()));
        Organization organization = organizations.find(caller.organizationId())
                .orElseThrow(() -> new IllegalStateException("caller has no organization"));
        String dayText = days.isEmpty() ? null
                : days.stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
        return windows.add(new MaintenanceWindow(organization, definition.name().strip(), definition.nodeQuery(),
                schedule.startsAt(), schedule.endsAt(), dayText,
                schedule.isRecurring() ? definition.durationMinutes() : null,
                schedule.zone() == null ? null : schedule.zone().getId(), caller.username(), clock.instant()));
    }

    public void cancel(Caller caller, long windowId) {
        windows.remove(get(caller, windowId));
    }
}

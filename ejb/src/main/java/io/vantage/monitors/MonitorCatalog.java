package io.vantage.monitors;

import io.vantage.ConflictException;
import io.vantage.InvalidInputException;
import io.vantage.UnknownIdException;
import io.vantage.alerts.AppliedMonitors;
import io.vantage.events.Events;
import io.vantage.events.MonitorChanged;
import io.vantage.persistence.inventory.Organization;
import io.vantage.persistence.inventory.OrganizationRepository;
import io.vantage.persistence.monitors.Monitor;
import io.vantage.persistence.monitors.MonitorRepository;
import io.vantage.persistence.notifications.NotificationPlan;
import io.vantage.persistence.notifications.NotificationRepository;
import io.vantage.security.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Creates, changes and retires the caller's monitors. It only records the definition and publishes
 * {@link MonitorChanged} in the same transaction: resolving which nodes a monitor targets is the monitor applier's
 * work, so an API call never waits for it.
 */
@Stateless
public class MonitorCatalog {

    @Inject
    MonitorRepository monitors;

    @Inject
    AppliedMonitors appliedMonitors;

    @Inject
    OrganizationRepository organizations;

    @Inject
    NotificationRepository notifications;

    @Inject
    Events events;

    @Inject
    Clock clock;

    public List<Monitor> list(Caller caller) {
        return monitors.findAll(caller.organizationId());
    }

    public Monitor get(Caller caller, long monitorId) {
        return monitors.find(caller.organizationId(), monitorId)
                .orElseThrow(() -> new UnknownIdException("monitor", monitorId));
    }

    /** How many nodes each of the caller's monitors applies to, by monitor id; a monitor applied to none is absent. */
    public java.util.Map<Long, Long> targetCounts(Caller caller) {
        return monitors.targetCounts(caller.organizationId());
    }

    public Set<Long> targets(Caller caller, long monitorId) {
        return monitors.targetNodeIds(get(caller, monitorId).getId());
    }

    public Monitor create(Caller caller, MonitorDefinition definition) {
        MonitorRules.validate(definition);
        ensureNameFree(caller, definition.name(), null);
        Organization organization = organizations.find(caller.organizationId())
                .orElseThrow(() -> new IllegalStateException("caller has no organization"));
        Instant now = clock.instant();
        Monitor monitor = new Monitor(organization, definition.name(), now);
        // defined before it is stored: the plan lookup would otherwise flush a half-made row
        define(caller, monitor, definition, now);
        monitors.add(monitor);
        announce(monitor);
        return monitor;
    }

    public Monitor update(Caller caller, long monitorId, MonitorDefinition definition) {
        MonitorRules.validate(definition);
        Monitor monitor = get(caller, monitorId);
        ensureNameFree(caller, definition.name(), monitorId);
        define(caller, monitor, definition, clock.instant());
        announce(monitor);
        return monitor;
    }

    /** Retires the monitor: its targets are released and open alerts resolved by the applier; history stays. */
    public void delete(Caller caller, long monitorId) {
        Monitor monitor = get(caller, monitorId);
        monitor.delete(clock.instant());
        announce(monitor);
    }

    private void define(Caller caller, Monitor monitor, MonitorDefinition definition, Instant now) {
        NotificationPlan plan = definition.planId() == null ? null
                : notifications.plan(caller.organizationId(), definition.planId())
                .orElseThrow(() -> new InvalidInputException("no notification plan " + definition.planId()));
        monitor.define(definition.name(), definition.nodeQuery(), definition.metric(),
                MonitorRules.toSettings(definition.rule()),
                definition.check() == null ? null : MonitorRules.toSettings(definition.check()),
                plan, definition.enabled(), now);
    }

    /** Tells the monitor applier, in this transaction: it applies the monitor once the change is committed. */
    private void announce(Monitor monitor) {
        // a changed rule or an enabled switch counts from this commit on, not from when the applier gets to it
        appliedMonitors.changing(null);
        events.publish(new MonitorChanged(monitor.getOrganizationId(), monitor.getId(), monitor.getRevision()));
    }

    private void ensureNameFree(Caller caller, String name, Long exceptId) {
        monitors.findByName(caller.organizationId(), name)
                .filter(existing -> !existing.getId().equals(exceptId))
                .ifPresent(existing -> {
                    throw new ConflictException("a monitor named '" + name + "' exists already (id "
                            + existing.getId() + ")");
                });
    }
}

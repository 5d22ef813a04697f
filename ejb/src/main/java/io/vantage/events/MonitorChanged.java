package io.vantage.events;

/**
 * A monitor was created, changed or deleted; the monitor applier resolves its node query again and applies it.
 *
 * @param revision the monitor's revision after the change: work scheduled for an older revision is dropped
 */
public record MonitorChanged(long organizationId, long monitorId, long revision) implements DomainEvent {
}

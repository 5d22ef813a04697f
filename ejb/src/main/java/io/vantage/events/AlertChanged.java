package io.vantage.events;

/**
 * An alert's history grew: a change of severity, flapping, no data, an acknowledgement. The notifier decides who
 * hears about it; the console shows it live.
 *
 * @param alertEventId the history entry that was written
 */
public record AlertChanged(long organizationId, long alertId, long alertEventId) implements DomainEvent {
}

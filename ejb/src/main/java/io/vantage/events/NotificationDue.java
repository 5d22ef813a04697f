package io.vantage.events;

/** A notification should be (re)tried now; published with a delay for retries. */
public record NotificationDue(long organizationId, long notificationId) implements DomainEvent {
}

package io.vantage.events;

import java.time.Duration;

/**
 * Publishes domain events. {@link #publish} and {@link #publishAfter} join the caller's transaction: the event is
 * sent if and only if the caller's work commits, so a consumer never hears of a monitor that was rolled back. For
 * fire-and-forget publishing from services that must not wait, see {@link AsyncEvents}.
 */
public interface Events {

    void publish(DomainEvent event);

    /** Publishes for delivery once {@code delay} has passed (retries, schedules); durable like any other event. */
    void publishAfter(DomainEvent event, Duration delay);
}

package io.vantage.maintenance;

import java.time.Instant;

/**
 * A maintenance window as people write it. One-off: {@code startsAt} and {@code endsAt}. Recurring: {@code days}
 * (such as {@code SAT,SUN}), {@code durationMinutes} and {@code timeZone}, starting at {@code startsAt}'s time of
 * day; {@code endsAt} then ends the recurrence.
 */
public record MaintenanceDefinition(String name, String nodeQuery, Instant startsAt, Instant endsAt, String days,
                                    Integer durationMinutes, String timeZone) {
}

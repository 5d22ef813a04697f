package io.vantage.infrastructure.cassandra;

import java.time.Duration;
import java.time.Instant;

/**
 * The time buckets of stored samples: hours since the epoch (UTC) for the sample log and the series blocks, days
 * for the partitions of blocks and of version 1's rows, and how long a sample is kept.
 */
final class SampleHours {

    static final long MILLIS_PER_HOUR = 3_600_000L;
    static final int HOURS_PER_DAY = 24;
    /** How long samples are kept: the tables' default time to live, 32 days. */
    static final Duration RETENTION = Duration.ofDays(32);

    private SampleHours() {
    }

    static int hourOf(long epochMillis) {
        return (int) Math.floorDiv(epochMillis, MILLIS_PER_HOUR);
    }

    static int dayOf(long epochMillis) {
        return Math.floorDiv(hourOf(epochMillis), HOURS_PER_DAY);
    }

    static int dayOfHour(int hour) {
        return Math.floorDiv(hour, HOURS_PER_DAY);
    }

    static long startOf(int hour) {
        return hour * MILLIS_PER_HOUR;
    }

    /**
     * Seconds a block of {@code hour} still has to live so it expires when its samples' retention ends, however late
     * it is written; 0 when it has ended already.
     */
    static int remainingTtlSeconds(int hour, Instant now) {
        long endsAt = startOf(hour + 1) + RETENTION.toMillis();
        long left = (endsAt - now.toEpochMilli()) / 1000;
        return (int) Math.max(0, Math.min(RETENTION.toSeconds(), left));
    }
}

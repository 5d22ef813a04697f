package io.vantage.infrastructure.logging;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Decides which failures of one repeated operation reach the log, so that an outage reads as a few lines instead of
 * one per attempt. While Cassandra is down every metric message fails and is redelivered, a few hundred times a
 * minute; an operator needs to know when the failures began, that they go on, and when they ended. The first failure
 * of a streak is reported, then one reminder per interval while the failures go on, and the first success after them
 * reports the streak's end. Thread-safe; a success while nothing fails costs one volatile read.
 */
public final class FailureStreak {

    /** A streak as far as it went: how many attempts failed and for how long it has lasted. */
    public record Streak(long failures, Duration lasted) {

        /** Whether this is the failure that began the streak. */
        public boolean began() {
            return failures == 1;
        }
    }

    private final long reminderNanos;
    private final LongSupplier nanoTime;
    private volatile boolean failing;
    private long startedAt;
    private long nextReminderAt;
    private long failures;

    public FailureStreak(Duration reminderInterval) {
        this(reminderInterval, System::nanoTime);
    }

    FailureStreak(Duration reminderInterval, LongSupplier nanoTime) {
        this.reminderNanos = reminderInterval.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * Counts a failed attempt.
     *
     * @return the streak so far when this failure is to be logged (the first of a streak, or the first after the
     *         reminder interval), otherwise null
     */
    public synchronized Streak failed() {
        long now = nanoTime.getAsLong();
        failures++;
        if (!failing) {
            failing = true;
            startedAt = now;
            nextReminderAt = now + reminderNanos;
            return new Streak(failures, Duration.ZERO);
        }
        if (now - nextReminderAt >= 0) {
            nextReminderAt = now + reminderNanos;
            return new Streak(failures, Duration.ofNanos(now - startedAt));
        }
        return null;
    }

    /**
     * Notes a successful attempt.
     *
     * @return the streak this success ended, to be logged, or null when nothing was failing
     */
    public Streak succeeded() {
        if (!failing) {
            return null;
        }
        synchronized (this) {
            if (!failing) {
                return null; // another thread reported the end
            }
            Streak ended = new Streak(failures, Duration.ofNanos(nanoTime.getAsLong() - startedAt));
            failing = false;
            failures = 0;
            return ended;
        }
    }
}

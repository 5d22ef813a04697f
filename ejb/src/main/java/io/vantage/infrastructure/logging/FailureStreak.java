package io.vantage.infrastructure.logging;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Logs the failures of one repeated operation as streaks, so that an outage reads as a few lines instead of one per
 * attempt. While Cassandra is down every metric message fails and is redelivered, a few hundred times a minute; an
 * operator needs to know when the failures began, that they go on, and when they ended. The first failure of a
 * streak is logged, then one reminder per interval while the failures go on, and the first success after them logs
 * the streak's end. Thread-safe; a success while nothing fails costs one volatile read.
 */
public final class FailureStreak {

    /** A streak as far as it went: how many attempts failed and for how long it has lasted. */
    public record Streak(long failures, Duration lasted) {
    }

    /** Logs the failure that begins a streak. */
    @FunctionalInterface
    public interface FirstFailureLog {
        void log(String attempt, Throwable cause);
    }

    /** Logs a reminder that a streak goes on. */
    @FunctionalInterface
    public interface ReminderLog {
        void log(long failures, Duration lasted, Throwable lastCause);
    }

    /** Logs the end of a streak. */
    @FunctionalInterface
    public interface RecoveryLog {
        void log(long failures, Duration lasted);
    }

    private final long reminderNanos;
    private final LongSupplier nanoTime;
    private final FirstFailureLog firstFailure;
    private final ReminderLog reminder;
    private final RecoveryLog recovery;
    private volatile boolean failing;
    private long startedAt;
    private long nextReminderAt;
    private long failures;

    public FailureStreak(Duration reminderInterval, FirstFailureLog firstFailure, ReminderLog reminder,
                         RecoveryLog recovery) {
        this(reminderInterval, System::nanoTime, firstFailure, reminder, recovery);
    }

    FailureStreak(Duration reminderInterval, LongSupplier nanoTime, FirstFailureLog firstFailure,
                  ReminderLog reminder, RecoveryLog recovery) {
        this.reminderNanos = reminderInterval.toNanos();
        this.nanoTime = nanoTime;
        this.firstFailure = firstFailure;
        this.reminder = reminder;
        this.recovery = recovery;
    }

    /** Counts a failed attempt and logs it if it begins a streak or is the first after the reminder interval. */
    public void failed(String attempt, Throwable cause) {
        Streak streak = countFailure();
        if (streak != null && streak.failures() == 1) {
            firstFailure.log(attempt, cause);
        } else if (streak != null) {
            reminder.log(streak.failures(), streak.lasted(), cause);
        }
    }

    /** Notes a successful attempt and logs the end of the streak it ends, if any. */
    public void succeeded() {
        Streak ended = countSuccess();
        if (ended != null) {
            recovery.log(ended.failures(), ended.lasted());
        }
    }

    /** @return the streak so far when this failure is to be logged, otherwise null */
    synchronized Streak countFailure() {
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

    /** @return the streak this success ended, or null when nothing was failing */
    Streak countSuccess() {
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

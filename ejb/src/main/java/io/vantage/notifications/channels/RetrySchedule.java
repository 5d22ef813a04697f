package io.vantage.notifications.channels;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: exponential backoff with a cap, a limited number of attempts, and jitter.
 *
 * <p>Attempt 1 is the first delivery and goes at once. Before attempt {@code n >= 2} the base delay is
 * {@code min(max, initial * multiplier^(n-2))}, and the actual delay is drawn with <em>equal jitter</em>: uniformly
 * between half the base and the base. Equal rather than full jitter (0 to base) because it keeps a guaranteed
 * spacing: a receiver that is down gets breathing room, and retries of one notice never bunch up near zero, while
 * notices that failed together (one outage) still spread over half of each interval.
 *
 * @param initial     the base delay before the first retry (attempt 2); positive
 * @param multiplier  how much the base grows per attempt; at least 1
 * @param max         the largest base delay; at least {@code initial}, at most a day
 * @param maxAttempts how many attempts in all, the first included; 1 to 1000
 */
public record RetrySchedule(Duration initial, double multiplier, Duration max, int maxAttempts) {

    public RetrySchedule {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isZero() || initial.isNegative()) {
            throw new IllegalArgumentException("initial delay must be positive, not " + initial);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a finite number >= 1, not " + multiplier);
        }
        if (max.compareTo(initial) < 0 || max.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("max delay must be between the initial delay (" + initial
                    + ") and a day, not " + max);
        }
        if (maxAttempts < 1 || maxAttempts > 1000) {
            throw new IllegalArgumentException("maxAttempts must be between 1 and 1000, not " + maxAttempts);
        }
    }

    /**
     * 5 s, doubling, capped at 10 minutes, 16 attempts: 7 quick retries within about 10 minutes for a receiver
     * that blinked, then one every 5 to 10 minutes, giving up after 45 to 91 minutes (68 on average) when it
     * stays down. See {@link #maxTotalDelay()}.
     */
    public static RetrySchedule standard() {
        return new RetrySchedule(Duration.ofSeconds(5), 2.0, Duration.ofMinutes(10), 16);
    }

    /**
     * How long to wait before attempt {@code attempt}: zero for the first, a jittered backoff for later ones, and
     * empty once the attempts are used up.
     *
     * @param attempt the attempt about to be made, from 1
     * @param jitter  a source of numbers in [0, 1], e.g. {@code random::nextDouble}; 0 gives the shortest delay
     */
    public Optional<Duration> delayBeforeAttempt(int attempt, DoubleSupplier jitter) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, not " + attempt);
        }
        if (attempt > maxAttempts) {
            return Optional.empty();
        }
        if (attempt == 1) {
            return Optional.of(Duration.ZERO);
        }
        double draw = jitter.getAsDouble();
        if (!(draw >= 0.0 && draw <= 1.0)) {
            throw new IllegalArgumentException("jitter must be in [0, 1], not " + draw);
        }
        long base = baseNanos(attempt);
        return Optional.of(Duration.ofNanos(base / 2 + Math.round(draw * (base - base / 2))));
    }

    /** {@link #delayBeforeAttempt(int, DoubleSupplier)} drawing from {@code random}. */
    public Optional<Duration> delayBeforeAttempt(int attempt, Random random) {
        return delayBeforeAttempt(attempt, random::nextDouble);
    }

    /** {@link #delayBeforeAttempt(int, DoubleSupplier)} drawing from the thread's own random generator. */
    public Optional<Duration> delayBeforeAttempt(int attempt) {
        return delayBeforeAttempt(attempt, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** The longest the whole schedule can take from the first attempt to the last; jitter makes it up to half less. */
    public Duration maxTotalDelay() {
        long total = 0;
        for (int attempt = 2; attempt <= maxAttempts; attempt++) {
            total += baseNanos(attempt); // at most 1000 days in all, far from overflowing
        }
        return Duration.ofNanos(total);
    }

    private long baseNanos(int attempt) {
        // in doubles, so a large attempt number saturates at the cap instead of overflowing a long
        double base = initial.toNanos() * Math.pow(multiplier, attempt - 2);
        return base >= max.toNanos() ? max.toNanos() : (long) base;
    }
}

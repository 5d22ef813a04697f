package io.vantage.connector.logging;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets one occurrence of a noisy message through per interval and counts the rest, so that a scanner or a
 * misconfigured fleet of agents cannot flood the server log. Thread-safe.
 */
public final class LogThrottle {

    private final long intervalNanos;
    private final AtomicLong nextAllowedAt;
    private final AtomicLong suppressed = new AtomicLong();

    public LogThrottle(Duration interval) {
        this.intervalNanos = interval.toNanos();
        this.nextAllowedAt = new AtomicLong(System.nanoTime());
    }

    /**
     * Whether this occurrence may be logged.
     *
     * @return how many occurrences were held back since the last one logged, or -1 when this one must stay quiet
     */
    public long permit() {
        long now = System.nanoTime();
        long next = nextAllowedAt.get();
        if (now - next >= 0 && nextAllowedAt.compareAndSet(next, now + intervalNanos)) {
            return suppressed.getAndSet(0);
        }
        suppressed.incrementAndGet();
        return -1;
    }
}

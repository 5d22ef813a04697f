package io.vantage.agent.transport;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Delays between reconnect attempts: 1, 2, 4 ... up to 60 seconds by default, each drawn at random between half and
 * all of that, so that agents cut off together by a server restart do not all come back in the same second.
 */
public final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private final DoubleSupplier random;
    private long nominalMillis;

    /** @param random numbers from 0 (inclusive) to 1 (exclusive) */
    public Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initialMillis = Math.max(1, initial.toMillis());
        this.maxMillis = Math.max(initialMillis, max.toMillis());
        this.random = random;
        this.nominalMillis = initialMillis;
    }

    /** The delay before the next attempt; the one after it doubles, up to the maximum. */
    public long nextDelayMillis() {
        long nominal = nominalMillis;
        nominalMillis = Math.min(nominal * 2, maxMillis);
        long half = nominal / 2;
        return half + (long) (random.getAsDouble() * (nominal - half));
    }

    /** Starts again from the initial delay. */
    public void reset() {
        nominalMillis = initialMillis;
    }

    public long maxMillis() {
        return maxMillis;
    }
}

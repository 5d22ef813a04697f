package io.vantage.agent.collect;

import io.vantage.protocol.Sample;
import java.util.List;

/**
 * Per-second rates of the kernel's ever-growing counters between two readings. Elapsed time comes from a monotonic
 * clock ({@link System#nanoTime()} in the agent), never from the wall clock, which NTP may step.
 */
final class Rates {

    private Rates() {
    }

    /**
     * Adds {@code (now - before) / seconds} scaled by {@code factor}, or nothing when the counter went backwards:
     * the device was re-created or a 32-bit counter wrapped, and the true rate is unknown.
     */
    static void add(List<Sample> into, String name, long timestampMillis, long now, long before, double seconds,
                    double factor) {
        if (now >= before) {
            into.add(new Sample(name, timestampMillis, (now - before) * factor / seconds));
        }
    }

    /** Seconds between two {@link System#nanoTime()} readings. */
    static double seconds(long nowNanos, long beforeNanos) {
        return (nowNanos - beforeNanos) / 1e9;
    }
}

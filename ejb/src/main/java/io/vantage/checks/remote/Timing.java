package io.vantage.checks.remote;

import java.time.Duration;
import java.util.Locale;

/** Elapsed-time arithmetic and the millisecond formatting used in every check's message. */
final class Timing {

    private Timing() {
    }

    /** Milliseconds since a {@link System#nanoTime()} reading, fractional. */
    static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** {@code 1.2 ms}: one decimal is as precise as network timings deserve. */
    static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }

    /** A value as a metric: 1.0 or 0.0. */
    static double flag(boolean value) {
        return value ? 1.0 : 0.0;
    }
}

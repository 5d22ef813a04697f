package io.vantage.connector.nio;

/**
 * How a {@link SelectorLoop} treats its sockets.
 *
 * @param maxConnections connections held open at once; more are accepted and closed at once
 * @param sweepMillis    how often connections are ticked for timeouts and other deadlines
 * @param tcpNoDelay     whether accepted sockets send small writes at once (request/answer protocols want it)
 */
public record LoopSettings(int maxConnections, long sweepMillis, boolean tcpNoDelay) {

    /**
     * A quarter of the shortest deadline keeps lateness small without waking up needlessly; bounded below so a
     * tiny test timeout cannot spin the loop, and above by {@code maxMillis}.
     */
    public static long sweepMillis(long shortestDeadlineMillis, long maxMillis) {
        return Math.max(10, Math.min(maxMillis, shortestDeadlineMillis / 4));
    }
}

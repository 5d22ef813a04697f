package io.vantage.connector.server;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the agent listener listens and the limits that keep one agent from hurting the others.
 *
 * @param bindAddress                     the address and port to listen on; port 0 picks a free one
 * @param maxFrameBytes                   the largest frame accepted from an agent (type byte plus payload)
 * @param maxConnections                  connections held open at once; more are accepted and closed at once
 * @param handshakeTimeout                how long a new connection may take to send its HELLO
 * @param idleTimeout                     how long an admitted agent may stay silent (no whole frame) before the
 *                                        connection is closed; WELCOME asks for a heartbeat a third as long
 * @param maxBatchesInFlightPerConnection batches of one connection handed in and not yet answered before the
 *                                        listener stops reading from it
 */
public record AgentServerSettings(InetSocketAddress bindAddress, int maxFrameBytes, int maxConnections,
                                  Duration handshakeTimeout, Duration idleTimeout,
                                  int maxBatchesInFlightPerConnection) {

    /** A HELLO with ordinary ids and keys must always fit. */
    public static final int MIN_FRAME_BYTES = 1024;
    /** Each connection may hold one frame in memory; more than this per connection is never sensible. */
    public static final int MAX_FRAME_BYTES = 64 * 1024 * 1024;
    public static final int MAX_BATCHES_IN_FLIGHT = 64;

    public AgentServerSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        require(!bindAddress.isUnresolved(), "bindAddress " + bindAddress + " does not resolve to an address");
        require(maxFrameBytes >= MIN_FRAME_BYTES && maxFrameBytes <= MAX_FRAME_BYTES, "maxFrameBytes must be "
                + MIN_FRAME_BYTES + ".." + MAX_FRAME_BYTES + ", was " + maxFrameBytes);
        require(maxConnections >= 1, "maxConnections must be at least 1, was " + maxConnections);
        require(isPositive(handshakeTimeout), "handshakeTimeout must be positive, was " + handshakeTimeout);
        require(isPositive(idleTimeout), "idleTimeout must be positive, was " + idleTimeout);
        require(maxBatchesInFlightPerConnection >= 1 && maxBatchesInFlightPerConnection <= MAX_BATCHES_IN_FLIGHT,
                "maxBatchesInFlightPerConnection must be 1.." + MAX_BATCHES_IN_FLIGHT + ", was "
                        + maxBatchesInFlightPerConnection);
    }

    /** The heartbeat WELCOME asks for: a third of the idle timeout, so two missed heartbeats are forgiven. */
    public int heartbeatSeconds() {
        return (int) Math.max(1, idleTimeout.toSeconds() / 3);
    }

    private static boolean isPositive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}

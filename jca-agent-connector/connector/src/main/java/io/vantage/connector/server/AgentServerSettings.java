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
 * @param deliveryTimeout                 how long the oldest unanswered batch of a connection may wait for the
 *                                        application's outcome before the connection is closed, so that the agent
 *                                        reconnects and sends it again: far longer than a call can take, a safety
 *                                        net for an outcome lost on the way back, never a limit on slow storage
 */
public record AgentServerSettings(InetSocketAddress bindAddress, int maxFrameBytes, int maxConnections,
                                  Duration handshakeTimeout, Duration idleTimeout,
                                  int maxBatchesInFlightPerConnection, Duration deliveryTimeout) {

    /** A HELLO with ordinary ids and keys must always fit. */
    public static final int MIN_FRAME_BYTES = 1024;
    /** Each connection may hold one frame in memory; more than this per connection is never sensible. */
    public static final int MAX_FRAME_BYTES = 64 * 1024 * 1024;
    public static final int MAX_BATCHES_IN_FLIGHT = 64;
    /**
     * An admission is given up after this many handshake timeouts without an outcome. The server asks again about a
     * HELLO only within one handshake timeout, and the call itself is a lookup behind a wait of at most 30 s for a
     * message endpoint; six times the default 10 s leaves room for both.
     */
    public static final int ADMISSION_TIMEOUT_HANDSHAKES = 6;

    public AgentServerSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(deliveryTimeout, "deliveryTimeout");
        require(!bindAddress.isUnresolved(), "bindAddress " + bindAddress + " does not resolve to an address");
        require(maxFrameBytes >= MIN_FRAME_BYTES && maxFrameBytes <= MAX_FRAME_BYTES, "maxFrameBytes must be "
                + MIN_FRAME_BYTES + ".." + MAX_FRAME_BYTES + ", was " + maxFrameBytes);
        require(maxConnections >= 1, "maxConnections must be at least 1, was " + maxConnections);
        require(isPositive(handshakeTimeout), "handshakeTimeout must be positive, was " + handshakeTimeout);
        require(isPositive(idleTimeout), "idleTimeout must be positive, was " + idleTimeout);
        require(isPositive(deliveryTimeout), "deliveryTimeout must be positive, was " + deliveryTimeout);
        require(maxBatchesInFlightPerConnection >= 1 && maxBatchesInFlightPerConnection <= MAX_BATCHES_IN_FLIGHT,
                "maxBatchesInFlightPerConnection must be 1.." + MAX_BATCHES_IN_FLIGHT + ", was "
                        + maxBatchesInFlightPerConnection);
    }

    /** The heartbeat WELCOME asks for: a third of the idle timeout, so two missed heartbeats are forgiven. */
    public int heartbeatSeconds() {
        return (int) Math.max(1, idleTimeout.toSeconds() / 3);
    }

    /**
     * How long a HELLO may wait for the application's outcome, from its arrival, before the connection is closed so
     * that the agent reconnects: {@link #ADMISSION_TIMEOUT_HANDSHAKES} handshake timeouts.
     */
    public Duration admissionTimeout() {
        return handshakeTimeout.multipliedBy(ADMISSION_TIMEOUT_HANDSHAKES);
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

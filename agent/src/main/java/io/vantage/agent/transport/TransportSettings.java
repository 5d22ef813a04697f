package io.vantage.agent.transport;

import java.time.Duration;

/**
 * The connection's timings and limits. They are not in the config file because operators have no reason to change
 * them; tests shorten them.
 *
 * @param connectTimeout      how long a TCP connect may take
 * @param handshakeTimeout    how long the server may take to answer the Hello
 * @param initialBackoff      the first delay before reconnecting; it doubles after each failed round
 * @param maxBackoff          the longest delay between reconnects, also how long a connection must have lasted
 *                            for the next failure to start again from the initial delay
 * @param refusedRetryDelay   the delay after the server refused the agent's key or protocol version, which only an
 *                            operator can fix
 * @param notStoredRetryDelay how long to hold batches back after the server could not store one
 * @param maxInFlight         how many batches may await an answer at once
 */
public record TransportSettings(Duration connectTimeout, Duration handshakeTimeout, Duration initialBackoff,
                                Duration maxBackoff, Duration refusedRetryDelay, Duration notStoredRetryDelay,
                                int maxInFlight) {

    public static TransportSettings defaults() {
        return new TransportSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(1),
                Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofSeconds(5), 32);
    }
}

package io.vantage.connector.graphite;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the Graphite listener listens and the limits that keep one sender from hurting the others.
 *
 * @param bindAddress      the address and port to listen on; port 0 picks a free one
 * @param maxLineBytes     the longest line accepted, without its {@code \n} or {@code \r\n}; a longer one closes
 *                         the connection. It is also the size of each connection's line buffer
 * @param maxConnections   connections held open at once; more are accepted and closed at once
 * @param idleTimeout      how long a connection may send no complete line before it is closed
 * @param maxLinesPerBatch lines handed to the application in one batch at most
 * @param flushInterval    a batch is handed over once its connection has sent no new valid line for this long
 * @param firstRetryDelay  the wait before offering a batch that was not stored again; it doubles each time
 * @param maxRetryDelay    the longest wait between two offers of the same batch
 */
public record GraphiteServerSettings(InetSocketAddress bindAddress, int maxLineBytes, int maxConnections,
                                     Duration idleTimeout, int maxLinesPerBatch, Duration flushInterval,
                                     Duration firstRetryDelay, Duration maxRetryDelay) {

    /** Room for a 255-character ASCII path, a full-precision value and a decimal timestamp. */
    public static final int MIN_LINE_BYTES = 512;
    /** Each connection holds one line buffer of this size; more per connection is never sensible. */
    public static final int MAX_LINE_BYTES = 65_536;
    public static final int MAX_LINES_PER_BATCH = 100_000;
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_FIRST_RETRY_DELAY = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_RETRY_DELAY = Duration.ofSeconds(30);

    public GraphiteServerSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(flushInterval, "flushInterval");
        Objects.requireNonNull(firstRetryDelay, "firstRetryDelay");
        Objects.requireNonNull(maxRetryDelay, "maxRetryDelay");
        require(!bindAddress.isUnresolved(), "bindAddress " + bindAddress + " does not resolve to an address");
        require(maxLineBytes >= MIN_LINE_BYTES && maxLineBytes <= MAX_LINE_BYTES, "maxLineBytes must be "
                + MIN_LINE_BYTES + ".." + MAX_LINE_BYTES + ", was " + maxLineBytes);
        require(maxConnections >= 1, "maxConnections must be at least 1, was " + maxConnections);
        require(isPositive(idleTimeout), "idleTimeout must be positive, was " + idleTimeout);
        require(maxLinesPerBatch >= 1 && maxLinesPerBatch <= MAX_LINES_PER_BATCH, "maxLinesPerBatch must be 1.."
                + MAX_LINES_PER_BATCH + ", was " + maxLinesPerBatch);
        require(isPositive(flushInterval), "flushInterval must be positive, was " + flushInterval);
        require(isPositive(firstRetryDelay), "firstRetryDelay must be positive, was " + firstRetryDelay);
        require(maxRetryDelay.compareTo(firstRetryDelay) >= 0, "maxRetryDelay must be at least firstRetryDelay, was "
                + maxRetryDelay);
    }

    /** The adapter's settings: flush after 1 s of quiet, retries after 1 s doubling to 30 s. */
    public static GraphiteServerSettings of(InetSocketAddress bindAddress, int maxLineBytes, int maxConnections,
                                            Duration idleTimeout, int maxLinesPerBatch) {
        return new GraphiteServerSettings(bindAddress, maxLineBytes, maxConnections, idleTimeout, maxLinesPerBatch,
                DEFAULT_FLUSH_INTERVAL, DEFAULT_FIRST_RETRY_DELAY, DEFAULT_MAX_RETRY_DELAY);
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

package io.vantage.connector.graphite;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

/** Graphite server settings for tests: loopback, a free port, and short flush and retry delays so tests are fast. */
final class GraphiteTestSettings {

    private int maxLineBytes = 1024;
    private int maxConnections = 100;
    private Duration idleTimeout = Duration.ofSeconds(30);
    private int maxLinesPerBatch = 1000;
    private Duration flushInterval = Duration.ofMillis(100);
    private Duration firstRetryDelay = Duration.ofMillis(50);

    static GraphiteTestSettings loopback() {
        return new GraphiteTestSettings();
    }

    GraphiteTestSettings maxLineBytes(int value) {
        maxLineBytes = value;
        return this;
    }

    GraphiteTestSettings maxConnections(int value) {
        maxConnections = value;
        return this;
    }

    GraphiteTestSettings idleTimeout(Duration value) {
        idleTimeout = value;
        return this;
    }

    GraphiteTestSettings maxLinesPerBatch(int value) {
        maxLinesPerBatch = value;
        return this;
    }

    GraphiteTestSettings flushInterval(Duration value) {
        flushInterval = value;
        return this;
    }

    GraphiteServerSettings build() {
        return new GraphiteServerSettings(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), maxLineBytes,
                maxConnections, idleTimeout, maxLinesPerBatch, flushInterval, firstRetryDelay,
                firstRetryDelay.multipliedBy(4));
    }
}

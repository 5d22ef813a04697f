package io.vantage.connector.testing;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

import io.vantage.connector.server.AgentServerSettings;

/** Server settings for tests: loopback, a free port, generous timeouts unless a test asks otherwise. */
public final class TestSettings {

    private int port;
    private int maxFrameBytes = 1 << 20;
    private int maxConnections = 100;
    private Duration handshakeTimeout = Duration.ofSeconds(10);
    private Duration idleTimeout = Duration.ofSeconds(30);
    private int maxBatchesInFlight = 2;
    private Duration deliveryTimeout = Duration.ofSeconds(60);

    public static TestSettings loopback() {
        return new TestSettings();
    }

    public TestSettings port(int value) {
        port = value;
        return this;
    }

    public TestSettings maxFrameBytes(int value) {
        maxFrameBytes = value;
        return this;
    }

    public TestSettings maxConnections(int value) {
        maxConnections = value;
        return this;
    }

    public TestSettings handshakeTimeout(Duration value) {
        handshakeTimeout = value;
        return this;
    }

    public TestSettings idleTimeout(Duration value) {
        idleTimeout = value;
        return this;
    }

    public TestSettings maxBatchesInFlight(int value) {
        maxBatchesInFlight = value;
        return this;
    }

    public TestSettings deliveryTimeout(Duration value) {
        deliveryTimeout = value;
        return this;
    }

    public AgentServerSettings build() {
        return new AgentServerSettings(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), maxFrameBytes,
                maxConnections, handshakeTimeout, idleTimeout, maxBatchesInFlight, deliveryTimeout);
    }
}

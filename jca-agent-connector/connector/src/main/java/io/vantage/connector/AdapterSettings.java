package io.vantage.connector;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import io.vantage.connector.graphite.GraphiteServerSettings;
import io.vantage.connector.server.AgentServerSettings;
import jakarta.resource.spi.InvalidPropertyException;

/**
 * Checks the adapter's config properties and turns them into the agent and Graphite servers' settings. Each
 * message names the property, the system property that sets it through ironjacamar.xml, the allowed range and the
 * bad value, so an operator can fix a failed deploy from the message alone. The TLS properties are
 * {@link AdapterTls}'s.
 */
final class AdapterSettings {

    private AdapterSettings() {
    }

    static AgentServerSettings from(AgentResourceAdapter adapter) throws InvalidPropertyException {
        int port = range("port", "vantage.agent.port", adapter.getPort(), 0, 65_535);
        InetAddress address = address("bindAddress", "vantage.agent.bind-address", adapter.getBindAddress());
        int maxFrameBytes = range("maxFrameBytes", "vantage.agent.max-frame-bytes", adapter.getMaxFrameBytes(),
                AgentServerSettings.MIN_FRAME_BYTES, AgentServerSettings.MAX_FRAME_BYTES);
        int maxConnections = range("maxConnections", "vantage.agent.max-connections", adapter.getMaxConnections(),
                1, 1_000_000);
        int handshake = range("handshakeTimeoutSeconds", "vantage.agent.handshake-timeout-seconds",
                adapter.getHandshakeTimeoutSeconds(), 1, 3_600);
        // at least 3 so that the heartbeat, a third of it, is a whole second
        int idle = range("idleTimeoutSeconds", "vantage.agent.idle-timeout-seconds", adapter.getIdleTimeoutSeconds(),
                3, 86_400);
        int inFlight = range("maxBatchesInFlightPerConnection", "vantage.agent.max-batches-in-flight",
                adapter.getMaxBatchesInFlightPerConnection(), 1, AgentServerSettings.MAX_BATCHES_IN_FLIGHT);
        int delivery = range("deliveryTimeoutSeconds", "vantage.agent.delivery-timeout-seconds",
                adapter.getDeliveryTimeoutSeconds(), 10, 86_400);
        return new AgentServerSettings(new InetSocketAddress(address, port), maxFrameBytes, maxConnections,
                Duration.ofSeconds(handshake), Duration.ofSeconds(idle), inFlight, Duration.ofSeconds(delivery));
    }

    /** @return the Graphite listener's settings, or {@code null} when graphitePort is -1 (disabled) */
    static GraphiteServerSettings graphite(AgentResourceAdapter adapter) throws InvalidPropertyException {
        int port = range("graphitePort", "vantage.graphite.port", adapter.getGraphitePort(), -1, 65_535);
        InetAddress address = address("graphiteBindAddress", "vantage.graphite.bind-address",
                adapter.getGraphiteBindAddress());
        int maxLineBytes = range("graphiteMaxLineBytes", "vantage.graphite.max-line-bytes",
                adapter.getGraphiteMaxLineBytes(), GraphiteServerSettings.MIN_LINE_BYTES,
                GraphiteServerSettings.MAX_LINE_BYTES);
        int maxConnections = range("graphiteMaxConnections", "vantage.graphite.max-connections",
                adapter.getGraphiteMaxConnections(), 1, 1_000_000);
        int idle = range("graphiteIdleTimeoutSeconds", "vantage.graphite.idle-timeout-seconds",
                adapter.getGraphiteIdleTimeoutSeconds(), 1, 86_400);
        int maxLines = range("graphiteMaxLinesPerBatch", "vantage.graphite.max-lines-per-batch",
                adapter.getGraphiteMaxLinesPerBatch(), 1, GraphiteServerSettings.MAX_LINES_PER_BATCH);
        // every value is still checked when disabled, so that enabling it later cannot surprise anyone
        return port == -1 ? null : GraphiteServerSettings.of(new InetSocketAddress(address, port), maxLineBytes,
                maxConnections, Duration.ofSeconds(idle), maxLines);
    }

    private static int range(String property, String systemProperty, Integer value, int min, int max)
            throws InvalidPropertyException {
        if (value == null || value < min || value > max) {
            throw invalid(property, systemProperty, value, "must be between " + min + " and " + max);
        }
        return value;
    }

    private static InetAddress address(String property, String systemProperty, String host)
            throws InvalidPropertyException {
        if (host == null || host.isBlank()) {
            throw invalid(property, systemProperty, host,
                    "must be an IP address or host name, 0.0.0.0 for all interfaces");
        }
        try {
            return InetAddress.getByName(host.strip());
        } catch (UnknownHostException e) {
            throw invalid(property, systemProperty, host, "does not resolve to an address");
        }
    }

    static InvalidPropertyException invalid(String property, String systemProperty, Object value, String rule) {
        return new InvalidPropertyException("agent connector setting " + property + " (system property "
                + systemProperty + ") " + rule + ", was " + (value == null ? "not set" : "'" + value + "'"));
    }
}

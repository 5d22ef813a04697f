package io.vantage.connector;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import javax.transaction.xa.XAResource;

import io.vantage.connector.graphite.GraphiteServer;
import io.vantage.connector.graphite.GraphiteServerStats;
import io.vantage.connector.logging.ConnectorLogger;
import io.vantage.connector.server.AgentServer;
import io.vantage.connector.server.AgentServerStats;
import jakarta.resource.ResourceException;
import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

/**
 * The agent connector: owns the TCP port agents connect to and hands their hellos and batches to the
 * message-driven beans that implement {@link io.vantage.connector.api.AgentListener}; and, unless disabled, the
 * Graphite plaintext port, whose batches go to the beans implementing
 * {@link io.vantage.connector.api.GraphiteListener}. Both sockets are bound in {@link #start} so that a port in
 * use fails the deployment, and closed with every connection in {@link #stop}. With a keystore configured
 * (agentTlsKeyStore), the agent port speaks TLS only. Settings come from ironjacamar.xml, where system properties
 * can override each default.
 */
@Connector(
        displayName = "Vantage agent connector",
        description = "Listens for Vantage agents on TCP, speaks the agent protocol, and hands each agent's hello "
                + "and batches to a message-driven bean implementing io.vantage.connector.api.AgentListener; "
                + "also takes Graphite plaintext lines and hands them in batches to a message-driven bean "
                + "implementing io.vantage.connector.api.GraphiteListener.",
        vendorName = "Vantage",
        eisType = "Vantage agent protocol",
        version = "1.0",
        transactionSupport = TransactionSupportLevel.NoTransaction)
public class AgentResourceAdapter implements ResourceAdapter {

    /** How long undeploying an MDB waits for its calls in flight. */
    private static final Duration DEACTIVATION_GRACE = Duration.ofSeconds(10);

    @ConfigProperty(defaultValue = "7070", description = "TCP port agents connect to; 0 picks a free port")
    private Integer port = 7070;

    @ConfigProperty(defaultValue = "0.0.0.0", description = "Local address to listen on; 0.0.0.0 for all interfaces")
    private String bindAddress = "0.0.0.0";

    @ConfigProperty(defaultValue = "1048576", description = "Largest frame accepted from an agent, in bytes "
            + "(1024 to 67108864); bounds the memory one connection can take")
    private Integer maxFrameBytes = 1_048_576;

    @ConfigProperty(defaultValue = "10000", description = "Agent connections held open at once; "
            + "connections beyond it are accepted and closed at once")
    private Integer maxConnections = 10_000;

    @ConfigProperty(defaultValue = "10", description = "Seconds a new connection has to send its HELLO")
    private Integer handshakeTimeoutSeconds = 10;

    @ConfigProperty(defaultValue = "90", description = "Seconds an admitted agent may send no whole frame before "
            + "its connection is closed (at least 3); agents are asked for a heartbeat every third of it")
    private Integer idleTimeoutSeconds = 90;

    @ConfigProperty(defaultValue = "2", description = "Batches of one connection waiting for the application "
            + "before the connector stops reading from that connection (1 to 64)")
    private Integer maxBatchesInFlightPerConnection = 2;

    @ConfigProperty(defaultValue = "600", description = "Seconds a connection's oldest unanswered batch may wait for "
            + "the application's outcome before the connection is closed and the agent sends it again (10 to 86400); "
            + "a safety net far above any call, twice WildFly's default transaction timeout")
    private Integer deliveryTimeoutSeconds = 600;

    @ConfigProperty(defaultValue = "", description = "Keystore file (path) with the agent listener's private key "
            + "and certificate chain; when set, the agent port accepts TLS only. Empty: plain TCP")
    private String agentTlsKeyStore = "";

    @ConfigProperty(defaultValue = "", confidential = true, description = "Password of the keystore, which must "
            + "also be the private key's")
    private String agentTlsKeyStorePassword = "";

    @ConfigProperty(defaultValue = "PKCS12", description = "Type of the keystore: PKCS12 or JKS")
    private String agentTlsKeyStoreType = "PKCS12";

    @ConfigProperty(defaultValue = "TLSv1.3,TLSv1.2", description = "TLS versions the agent listener accepts, "
            + "comma-separated: TLSv1.3 and/or TLSv1.2")
    private String agentTlsProtocols = "TLSv1.3,TLSv1.2";

    @ConfigProperty(defaultValue = "2003", description = "TCP port for Graphite's plaintext protocol "
            + "(collectd write_graphite, Telegraf, statsd relays); 0 picks a free port, -1 disables it")
    private Integer graphitePort = 2003;

    @ConfigProperty(defaultValue = "0.0.0.0", description = "Local address the Graphite listener listens on; "
            + "0.0.0.0 for all interfaces")
    private String graphiteBindAddress = "0.0.0.0";

    @ConfigProperty(defaultValue = "1024", description = "Longest Graphite line accepted, in bytes without its "
            + "line end (512 to 65536); a longer line closes the connection with an ERROR line")
    private Integer graphiteMaxLineBytes = 1024;

    @ConfigProperty(defaultValue = "1000", description = "Graphite connections held open at once; "
            + "connections beyond it are accepted and closed at once")
    private Integer graphiteMaxConnections = 1000;

    @ConfigProperty(defaultValue = "120", description = "Seconds a Graphite connection may send no complete line "
            + "before it is closed")
    private Integer graphiteIdleTimeoutSeconds = 120;

    @ConfigProperty(defaultValue = "1000", description = "Most Graphite lines handed to the application in one "
            + "batch (1 to 100000); a connection's lines are also handed over after one second of quiet")
    private Integer graphiteMaxLinesPerBatch = 1000;

    private final ActivationRouter<AgentActivation> agentEndpoints = new ActivationRouter<>("agent");
    private final ActivationRouter<GraphiteActivation> graphiteEndpoints = new ActivationRouter<>("Graphite");
    private AgentServer server;
    private GraphiteServer graphiteServer;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        Listeners started = Listeners.start(this, new WorkManagerExecutor(context.getWorkManager()),
                new AgentEndpoints(agentEndpoints), new GraphiteEndpoints(graphiteEndpoints));
        synchronized (this) {
            server = started.agents();
            graphiteServer = started.graphite();
        }
    }

    @Override
    public void stop() {
        AgentServer stopping;
        GraphiteServer graphiteStopping;
        synchronized (this) {
            stopping = server;
            graphiteStopping = graphiteServer;
            server = null;
            graphiteServer = null;
        }
        if (stopping != null) {
            stopping.stop();
        }
        if (graphiteStopping != null) {
            graphiteStopping.stop();
        }
        ConnectorLogger.adapterStopped();
    }

    /** Routes by the spec's type: agent endpoints and Graphite endpoints each take turns among their own kind. */
    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (spec instanceof AgentActivationSpec agentSpec) {
            AgentActivation activation = new AgentActivation(factory, agentSpec);
            agentEndpoints.add(spec, activation);
            ConnectorLogger.endpointActivated(activation);
        } else if (spec instanceof GraphiteActivationSpec graphiteSpec) {
            GraphiteActivation activation = new GraphiteActivation(factory, graphiteSpec);
            graphiteEndpoints.add(spec, activation);
            ConnectorLogger.endpointActivated(activation);
        } else {
            throw new NotSupportedException("the agent connector activates " + AgentActivationSpec.class.getName()
                    + " and " + GraphiteActivationSpec.class.getName() + " only, not " + spec);
        }
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        EndpointActivation<?> activation = spec instanceof GraphiteActivationSpec
                ? graphiteEndpoints.remove(spec) : agentEndpoints.remove(spec);
        if (activation == null) {
            return;
        }
        if (!activation.deactivate(DEACTIVATION_GRACE)) {
            ConnectorLogger.deactivationTimedOut(activation, DEACTIVATION_GRACE);
        }
        ConnectorLogger.endpointDeactivated(activation);
    }

    /** No transactions, so nothing to recover. */
    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return null;
    }

    /**
     * Checks every setting without starting anything.
     *
     * @throws InvalidPropertyException naming the first bad setting, its allowed range and its value
     */
    public void validate() throws InvalidPropertyException {
        AdapterSettings.from(this);
        AdapterTls.from(this);
        AdapterSettings.graphite(this);
    }

    /** Where agents connect, with the real port when port 0 was configured; {@code null} when not started. */
    public synchronized InetSocketAddress listeningAddress() {
        return server == null ? null : server.localAddress();
    }

    /** The running agent listener, which the outbound connection factory sends requests through; {@code null} when not started. */
    public synchronized AgentServer agentServer() {
        return server;
    }

    /** The listener's counters; {@code null} when not started. */
    public synchronized AgentServerStats stats() {
        return server == null ? null : server.stats();
    }

    /** Where Graphite senders connect; {@code null} when not started or disabled (graphitePort -1). */
    public synchronized InetSocketAddress graphiteListeningAddress() {
        return graphiteServer == null ? null : graphiteServer.localAddress();
    }

    /** The Graphite listener's counters; {@code null} when not started or disabled. */
    public synchronized GraphiteServerStats graphiteStats() {
        return graphiteServer == null ? null : graphiteServer.stats();
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getBindAddress() {
        return bindAddress;
    }

    public void setBindAddress(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    public Integer getMaxFrameBytes() {
        return maxFrameBytes;
    }

    public void setMaxFrameBytes(Integer maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Integer getHandshakeTimeoutSeconds() {
        return handshakeTimeoutSeconds;
    }

    public void setHandshakeTimeoutSeconds(Integer handshakeTimeoutSeconds) {
        this.handshakeTimeoutSeconds = handshakeTimeoutSeconds;
    }

    public Integer getIdleTimeoutSeconds() {
        return idleTimeoutSeconds;
    }

    public void setIdleTimeoutSeconds(Integer idleTimeoutSeconds) {
        this.idleTimeoutSeconds = idleTimeoutSeconds;
    }

    public Integer getMaxBatchesInFlightPerConnection() {
        return maxBatchesInFlightPerConnection;
    }

    public void setMaxBatchesInFlightPerConnection(Integer maxBatchesInFlightPerConnection) {
        this.maxBatchesInFlightPerConnection = maxBatchesInFlightPerConnection;
    }

    public Integer getDeliveryTimeoutSeconds() {
        return deliveryTimeoutSeconds;
    }

    public void setDeliveryTimeoutSeconds(Integer deliveryTimeoutSeconds) {
        this.deliveryTimeoutSeconds = deliveryTimeoutSeconds;
    }

    public String getAgentTlsKeyStore() {
        return agentTlsKeyStore;
    }

    public void setAgentTlsKeyStore(String agentTlsKeyStore) {
        this.agentTlsKeyStore = agentTlsKeyStore;
    }

    public String getAgentTlsKeyStorePassword() {
        return agentTlsKeyStorePassword;
    }

    public void setAgentTlsKeyStorePassword(String agentTlsKeyStorePassword) {
        this.agentTlsKeyStorePassword = agentTlsKeyStorePassword;
    }

    public String getAgentTlsKeyStoreType() {
        return agentTlsKeyStoreType;
    }

    public void setAgentTlsKeyStoreType(String agentTlsKeyStoreType) {
        this.agentTlsKeyStoreType = agentTlsKeyStoreType;
    }

    public String getAgentTlsProtocols() {
        return agentTlsProtocols;
    }

    public void setAgentTlsProtocols(String agentTlsProtocols) {
        this.agentTlsProtocols = agentTlsProtocols;
    }

    public Integer getGraphitePort() {
        return graphitePort;
    }

    public void setGraphitePort(Integer graphitePort) {
        this.graphitePort = graphitePort;
    }

    public String getGraphiteBindAddress() {
        return graphiteBindAddress;
    }

    public void setGraphiteBindAddress(String graphiteBindAddress) {
        this.graphiteBindAddress = graphiteBindAddress;
    }

    public Integer getGraphiteMaxLineBytes() {
        return graphiteMaxLineBytes;
    }

    public void setGraphiteMaxLineBytes(Integer graphiteMaxLineBytes) {
        this.graphiteMaxLineBytes = graphiteMaxLineBytes;
    }

    public Integer getGraphiteMaxConnections() {
        return graphiteMaxConnections;
    }

    public void setGraphiteMaxConnections(Integer graphiteMaxConnections) {
        this.graphiteMaxConnections = graphiteMaxConnections;
    }

    public Integer getGraphiteIdleTimeoutSeconds() {
        return graphiteIdleTimeoutSeconds;
    }

    public void setGraphiteIdleTimeoutSeconds(Integer graphiteIdleTimeoutSeconds) {
        this.graphiteIdleTimeoutSeconds = graphiteIdleTimeoutSeconds;
    }

    public Integer getGraphiteMaxLinesPerBatch() {
        return graphiteMaxLinesPerBatch;
    }

    public void setGraphiteMaxLinesPerBatch(Integer graphiteMaxLinesPerBatch) {
        this.graphiteMaxLinesPerBatch = graphiteMaxLinesPerBatch;
    }

    /** The JCA container compares adapters by their settings (JCA 5.3.1). */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof AgentResourceAdapter that && settings().equals(that.settings());
    }

    @Override
    public int hashCode() {
        return settings().hashCode();
    }

    /** Every config property, in declaration order. */
    private List<Object> settings() {
        return Arrays.asList(port, bindAddress, maxFrameBytes, maxConnections, handshakeTimeoutSeconds,
                idleTimeoutSeconds, maxBatchesInFlightPerConnection, deliveryTimeoutSeconds, agentTlsKeyStore, agentTlsKeyStorePassword,
                agentTlsKeyStoreType, agentTlsProtocols, graphitePort, graphiteBindAddress, graphiteMaxLineBytes,
                graphiteMaxConnections, graphiteIdleTimeoutSeconds, graphiteMaxLinesPerBatch);
    }
}

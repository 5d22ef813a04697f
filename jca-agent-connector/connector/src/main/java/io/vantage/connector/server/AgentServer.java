package io.vantage.connector.server;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.Executor;

import io.vantage.connector.api.AgentListener;
import io.vantage.connector.logging.ConnectorLogger;
import io.vantage.connector.nio.ConnectionFactory;
import io.vantage.connector.nio.ListeningServer;
import io.vantage.connector.nio.LoopSettings;
import io.vantage.connector.nio.SelectorLoop;
import io.vantage.connector.nio.ServerTls;
import io.vantage.connector.nio.TransportFactory;

/**
 * The agents' TCP listener: one selector thread serves every connection without blocking, and the application
 * is called on the delivery executor. Knows nothing of JCA, so it runs as well in a unit test as in the resource
 * adapter.
 *
 * <p>Per connection: the first frame must be a HELLO, which the listener admits; then each batch is handed to the
 * listener and answered with an ACK or an error, in the order the batches arrived. A connection with
 * {@code maxBatchesInFlightPerConnection} unanswered batches is not read from until one is answered (at most one
 * socket read's worth of frames, 64 KiB, can exceed that), so a slow application slows agents down instead of
 * losing their data.
 *
 * <p>With a {@link ServerTls}, every connection speaks TLS and nothing else: a plaintext agent is refused at its
 * first byte. The protocol on top is the same, its limits and timeouts included.
 *
 * <p>Binding, the selector thread and stopping are {@link ListeningServer}'s; this class plugs in the agent
 * protocol's connections.
 */
public final class AgentServer extends ListeningServer<AgentConnection> {

    static final String THREAD_NAME = "vantage-agent-selector";
    /** The sweep finds handshake and idle timeouts; a second's lateness at most is plenty for either. */
    private static final long MAX_SWEEP_MILLIS = 1000;

    private final AgentServerSettings settings;
    private final Executor deliveries;
    private final AgentListener listener;
    private final ServerCounters counters;
    private final ServerTls tls;
    private final AgentRequestRouter requests = new AgentRequestRouter();

    /** A plain TCP listener; see {@link #AgentServer(AgentServerSettings, Executor, AgentListener, ServerTls)}. */
    public AgentServer(AgentServerSettings settings, Executor deliveries, AgentListener listener) {
        this(settings, deliveries, listener, null);
    }

    /**
     * @param settings   where to listen and the limits
     * @param deliveries runs the calls into the listener, which may block. Its {@code execute} is called on the
     *                   selector thread, so it must return at once: throw {@link
     *                   java.util.concurrent.RejectedExecutionException} rather than wait for room
     * @param listener   admits agents and takes their batches
     * @param tls        the certificate and versions for TLS, or {@code null} for plain TCP
     */
    public AgentServer(AgentServerSettings settings, Executor deliveries, AgentListener listener, ServerTls tls) {
        this(settings, deliveries, listener, tls, new ServerCounters());
    }

    /** The counters are made first because the base class counts connections into them too. */
    private AgentServer(AgentServerSettings settings, Executor deliveries, AgentListener listener, ServerTls tls,
                        ServerCounters counters) {
        // settings is checked here, before anything else, as it always was
        super(THREAD_NAME, "the agent listener", Objects.requireNonNull(settings, "settings").bindAddress(),
                counters, AgentListenerLog.INSTANCE);
        this.counters = counters;
        this.settings = settings;
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.tls = tls;
    }

    public AgentServerStats stats() {
        return counters.snapshot();
    }

    /** Sends requests to the agents connected here (protocol version 2). */
    public AgentRequestRouter requests() {
        return requests;
    }

    /** The most processes a request may ask for, so that the worst-case answer fits the frame limit. */
    public int maxProcessEntries() {
        return io.vantage.protocol.ProcessTable.entriesFitting(settings.maxFrameBytes());
    }

    /** TCP_NODELAY: every answer is a small frame an agent waits for. */
    @Override
    protected LoopSettings loopSettings() {
        long shortest = Math.min(Math.min(settings.handshakeTimeout().toMillis(), settings.idleTimeout().toMillis()),
                settings.deliveryTimeout().toMillis());
        return new LoopSettings(settings.maxConnections(), LoopSettings.sweepMillis(shortest, MAX_SWEEP_MILLIS), true);
    }

    @Override
    protected ConnectionFactory<AgentConnection> connections(SelectorLoop<AgentConnection> loop) {
        ListenerCalls calls = new ListenerCalls(listener, deliveries, loop);
        TransportFactory transports = tls == null ? TransportFactory.PLAIN : tls.transports(loop, AgentTlsLog.INSTANCE);
        requests.started(loop);
        return (socket, key, remote, now) -> new AgentConnection(socket, transports, key, remote, settings, counters,
                calls, requests, now);
    }

    @Override
    protected void bound(InetSocketAddress address) {
        ConnectorLogger.listenerBound(address, settings.maxConnections(), settings.maxFrameBytes(),
                settings.heartbeatSeconds());
        if (tls != null) {
            ConnectorLogger.listenerTls(address, tls.protocols(), tls.certificate());
        }
    }
}

package io.vantage.connector.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.net.ssl.SSLContext;

import io.vantage.connector.api.AgentListener;
import io.vantage.connector.nio.ServerTls;
import io.vantage.connector.server.AgentServer;
import io.vantage.connector.server.AgentServerSettings;
import io.vantage.connector.server.AgentServerStats;

/** An {@link AgentServer}, plain or TLS, started on a free loopback port, with a plain thread pool for deliveries. */
public final class RunningServer implements AutoCloseable {

    private final ExecutorService deliveries = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "test-delivery");
        thread.setDaemon(true);
        return thread;
    });
    private final AgentServer server;

    public RunningServer(AgentServerSettings settings, AgentListener listener) throws IOException {
        this(settings, listener, null);
    }

    /** @param tls the listener's TLS, or {@code null} for plain TCP */
    public RunningServer(AgentServerSettings settings, AgentListener listener, ServerTls tls) throws IOException {
        server = new AgentServer(settings, deliveries, listener, tls);
        server.start();
    }

    public AgentServer server() {
        return server;
    }

    public InetSocketAddress address() {
        return server.localAddress();
    }

    public TestAgent connect() throws IOException {
        return TestAgent.connect(address());
    }

    /** Connects over TLS, trusting what {@code context} trusts. */
    public TestAgent connectTls(SSLContext context) throws IOException {
        return TestAgent.connectTls(address(), context);
    }

    public AgentServerStats stats() {
        return server.stats();
    }

    @Override
    public void close() {
        server.stop();
        deliveries.shutdownNow();
    }
}

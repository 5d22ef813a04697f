package io.vantage.connector.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.vantage.connector.api.AgentListener;
import io.vantage.connector.server.AgentServer;
import io.vantage.connector.server.AgentServerSettings;
import io.vantage.connector.server.AgentServerStats;

/** An {@link AgentServer} started on a free loopback port, with a plain thread pool for deliveries. */
public final class RunningServer implements AutoCloseable {

    private final ExecutorService deliveries = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "test-delivery");
        thread.setDaemon(true);
        return thread;
    });
    private final AgentServer server;

    public RunningServer(AgentServerSettings settings, AgentListener listener) throws IOException {
        server = new AgentServer(settings, deliveries, listener);
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

    public AgentServerStats stats() {
        return server.stats();
    }

    @Override
    public void close() {
        server.stop();
        deliveries.shutdownNow();
    }
}

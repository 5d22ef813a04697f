package io.vantage.connector.graphite;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.vantage.connector.api.GraphiteListener;
import io.vantage.connector.testing.GraphiteSender;

/** A {@link GraphiteServer} started on a free loopback port, with a plain thread pool for deliveries. */
final class RunningGraphiteServer implements AutoCloseable {

    private final ExecutorService deliveries = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "test-graphite-delivery");
        thread.setDaemon(true);
        return thread;
    });
    private final GraphiteServer server;

    RunningGraphiteServer(GraphiteServerSettings settings, GraphiteListener listener) throws IOException {
        server = new GraphiteServer(settings, deliveries, listener);
        server.start();
    }

    GraphiteSender connect() throws IOException {
        return GraphiteSender.connect(server.localAddress());
    }

    GraphiteServerStats stats() {
        return server.stats();
    }

    @Override
    public void close() {
        server.stop();
        deliveries.shutdownNow();
    }
}

package io.vantage.connector.graphite;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

import io.vantage.connector.api.GraphiteBatch;
import io.vantage.connector.api.GraphiteListener;
import io.vantage.connector.nio.Handoff;
import io.vantage.connector.nio.SelectorLoop;

/**
 * Offers batches to the application off the selector thread through a {@link Handoff}, which brings exactly one
 * outcome back onto it, where the connection's state lives; a refused or failed offer comes back as "not stored",
 * so it is offered again later.
 */
final class GraphiteDeliveries {

    private final GraphiteListener listener;
    private final Handoff<GraphiteConnection> handoff;

    GraphiteDeliveries(GraphiteListener listener, Executor executor, SelectorLoop<GraphiteConnection> loop) {
        this.listener = listener;
        this.handoff = new Handoff<>(executor, loop);
    }

    /** Called on the selector thread; {@code then} runs there too, unless the connection has closed meanwhile. */
    void deliver(GraphiteBatch batch, GraphiteConnection connection, Consumer<GraphiteOutcome> then) {
        handoff.call(connection, () -> GraphiteOutcome.deliver(listener, batch), GraphiteOutcome::notStored, then);
    }
}

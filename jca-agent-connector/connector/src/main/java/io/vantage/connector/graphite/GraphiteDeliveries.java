package io.vantage.connector.graphite;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import io.vantage.connector.api.GraphiteBatch;
import io.vantage.connector.api.GraphiteListener;

/**
 * Offers batches to the application off the selector thread and brings each outcome back onto it, where the
 * connection's state lives. Every offer gets exactly one outcome, even when the executor refuses the work or the
 * listener throws an Error; otherwise the connection would wait with reading paused forever.
 */
final class GraphiteDeliveries {

    private final GraphiteListener listener;
    private final Executor executor;
    private final GraphiteSelectorLoop loop;

    GraphiteDeliveries(GraphiteListener listener, Executor executor, GraphiteSelectorLoop loop) {
        this.listener = listener;
        this.executor = executor;
        this.loop = loop;
    }

    /** Called on the selector thread; {@code then} runs there too, unless the connection has closed meanwhile. */
    void deliver(GraphiteBatch batch, GraphiteConnection connection, Consumer<GraphiteOutcome> then) {
        Runnable task = () -> {
            GraphiteOutcome outcome;
            try {
                outcome = GraphiteOutcome.deliver(listener, batch);
            } catch (Error e) {
                loop.runOnSelector(connection, () -> then.accept(GraphiteOutcome.notStored(e)));
                throw e;
            }
            loop.runOnSelector(connection, () -> then.accept(outcome));
        };
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // through the queue as well, so the caller finishes its own state change before the outcome arrives
            loop.runOnSelector(connection, () -> then.accept(GraphiteOutcome.notStored(e)));
        }
    }
}

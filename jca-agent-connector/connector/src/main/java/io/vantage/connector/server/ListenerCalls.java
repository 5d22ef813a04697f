package io.vantage.connector.server;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.vantage.connector.api.AgentBatch;
import io.vantage.connector.api.AgentCredentials;
import io.vantage.connector.api.AgentListener;

/**
 * Calls the application off the selector thread and brings each answer back onto it. The listener may block
 * (it stores batches), so it runs on the delivery executor; the answer is handed to the selector through its task
 * queue, where the connection's state lives. Every call gets exactly one answer, even when the executor refuses it.
 */
final class ListenerCalls {

    private final AgentListener listener;
    private final Executor executor;
    private final SelectorLoop loop;

    ListenerCalls(AgentListener listener, Executor executor, SelectorLoop loop) {
        this.listener = listener;
        this.executor = executor;
        this.loop = loop;
    }

    void admit(AgentCredentials credentials, AgentConnection connection, Consumer<AdmissionOutcome> then) {
        call(connection, () -> AdmissionOutcome.ask(listener, credentials), AdmissionOutcome::failed, then);
    }

    void deliver(AgentBatch batch, AgentConnection connection, Consumer<DeliveryOutcome> then) {
        call(connection, () -> DeliveryOutcome.deliver(listener, batch), DeliveryOutcome::notStored, then);
    }

    private <T> void call(AgentConnection connection, Supplier<T> call, Function<Throwable, T> failed,
                          Consumer<T> then) {
        Runnable task = () -> {
            T outcome;
            try {
                outcome = call.get();
            } catch (Error e) {
                // the connection still needs its answer, or it would wait with reading paused forever
                loop.runOnSelector(connection, () -> then.accept(failed.apply(e)));
                throw e;
            }
            loop.runOnSelector(connection, () -> then.accept(outcome));
        };
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // answered through the queue too, so the caller's state change completes before the answer arrives
            loop.runOnSelector(connection, () -> then.accept(failed.apply(e)));
        }
    }
}

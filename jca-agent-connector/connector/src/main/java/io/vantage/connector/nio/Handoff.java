package io.vantage.connector.nio;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Calls the application off the selector thread and brings each outcome back onto it. The application may block
 * (it stores data), so it runs on the delivery executor; the outcome is handed to the selector through its task
 * queue, where the connection's state lives. Every call gets exactly one outcome, even when the executor refuses
 * the work or the application throws an Error; otherwise the connection would wait with reading paused forever.
 *
 * @param <C> the protocol's connection
 */
public final class Handoff<C extends NioConnection> {

    private final Executor executor;
    private final SelectorLoop<C> loop;

    public Handoff(Executor executor, SelectorLoop<C> loop) {
        this.executor = executor;
        this.loop = loop;
    }

    /**
     * Called on the selector thread; {@code then} runs there too, unless the connection has closed meanwhile.
     *
     * @param failed the outcome standing in for a call that could not run or ended in an Error
     */
    public <T> void call(C connection, Supplier<T> call, Function<Throwable, T> failed, Consumer<T> then) {
        RefusableTask task = new RefusableTask() {
            @Override
            public void run() {
                T outcome;
                try {
                    outcome = call.get();
                } catch (Error e) {
                    // the connection still needs its outcome, or it would wait with reading paused forever
                    loop.runOnSelector(connection, () -> then.accept(failed.apply(e)));
                    throw e;
                }
                loop.runOnSelector(connection, () -> then.accept(outcome));
            }

            @Override
            public void refused(Throwable cause) {
                // accepted, then dropped before it ran: the connection still gets its one outcome
                loop.runOnSelector(connection, () -> then.accept(failed.apply(cause)));
            }
        };
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // through the queue as well, so the caller finishes its own state change before the outcome arrives
            loop.runOnSelector(connection, () -> then.accept(failed.apply(e)));
        }
    }
}

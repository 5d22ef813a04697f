package io.vantage.connector.nio;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Calls the application off the selector thread and brings each outcome back onto it. The application may block
 * (it stores data), so it runs on the delivery executor; the outcome is handed to the selector through its task
 * queue, where the connection's state lives. Every call gets exactly one outcome, even when the executor refuses
 * the work, refuses it twice over (a WorkManager that throws and also tells the listener), refuses it after it ran,
 * or the application throws an Error; otherwise the connection would wait with reading paused forever, or answer
 * one batch twice and the next one not at all.
 *
 * @param <C> the protocol's connection
 */
public final class Handoff<C extends NioConnection> {

    private final Executor executor;
    private final SelectorTasks loop;

    public Handoff(Executor executor, SelectorTasks loop) {
        this.executor = executor;
        this.loop = loop;
    }

    /**
     * Called on the selector thread; {@code then} runs there too, unless the connection has closed meanwhile.
     *
     * @param failed the outcome standing in for a call that could not run or ended in an Error
     */
    public <T> void call(C connection, Supplier<T> call, Function<Throwable, T> failed, Consumer<T> then) {
        Call<T> task = new Call<>(connection, call, failed, then);
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // through the queue as well, so the caller finishes its own state change before the outcome arrives
            task.refused(e);
        }
    }

    /** One call; whichever of running and being refused comes first decides its single outcome. */
    private final class Call<T> implements RefusableTask {

        private final C connection;
        private final Supplier<T> call;
        private final Function<Throwable, T> failed;
        private final Consumer<T> then;
        private final AtomicBoolean decided = new AtomicBoolean();

        Call(C connection, Supplier<T> call, Function<Throwable, T> failed, Consumer<T> then) {
            this.connection = connection;
            this.call = call;
            this.failed = failed;
            this.then = then;
        }

        @Override
        public void run() {
            if (!decided.compareAndSet(false, true)) {
                // refused first: the connection has its answer and has moved on, so the application is not asked
                return;
            }
            T outcome;
            try {
                outcome = call.get();
            } catch (RuntimeException | Error e) {
                // the connection still needs its outcome, or it would wait with reading paused forever
                answer(failed.apply(e));
                throw e;
            }
            answer(outcome);
        }

        @Override
        public void refused(Throwable cause) {
            if (decided.compareAndSet(false, true)) {
                answer(failed.apply(cause));
            }
        }

        private void answer(T outcome) {
            loop.runOnSelector(connection, () -> then.accept(outcome));
        }
    }
}

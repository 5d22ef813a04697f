package io.vantage.connector;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.vantage.connector.nio.RefusableTask;
import jakarta.resource.spi.work.WorkAdapter;
import jakarta.resource.spi.work.WorkEvent;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;

/**
 * Runs the agent listener's calls into the application as {@link jakarta.resource.spi.work.Work} on the
 * container's WorkManager, so they get managed threads and never block the selector. How many run at once is the
 * WorkManager's business: WildFly's default has 50 threads and a queue of 50, and a dedicated one can be named in
 * ironjacamar.xml. A Work the WorkManager cannot take at once becomes a {@link RejectedExecutionException}, which
 * the listener answers with "not stored, try later" (or, for a hello, by closing the connection). A Work it takes but
 * then cannot start within the start timeout is rejected later, through its listener: a {@link RefusableTask} hears of
 * it, so the agent gets the same answer instead of waiting for an acknowledgement that never comes.
 */
final class WorkManagerExecutor implements Executor {

    private final WorkManager workManager;

    WorkManagerExecutor(WorkManager workManager) {
        this.workManager = workManager;
    }

    /** Called on the selector thread, so it must never wait. */
    @Override
    public void execute(Runnable task) {
        try {
            // IMMEDIATE: with the default INDEFINITE start timeout, IronJacamar blocks the caller while the pool
            // is full, and a blocked selector would stall every agent connection
            workManager.scheduleWork(new DeliveryWork(task), WorkManager.IMMEDIATE, null, listenerFor(task));
        } catch (WorkException e) {
            throw new RejectedExecutionException("the WorkManager cannot take a delivery now: " + e.getMessage(), e);
        }
    }

    private static WorkListener listenerFor(Runnable task) {
        if (!(task instanceof RefusableTask refusable)) {
            return null;
        }
        return new WorkAdapter() {
            @Override
            public void workRejected(WorkEvent event) {
                Throwable cause = event.getException() != null ? event.getException()
                        : new RejectedExecutionException("the WorkManager dropped a delivery before it started");
                refusable.refused(cause);
            }
        };
    }
}

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
 * container's WorkManager, so they get managed threads and never run on the selector. How many run at once is the
 * WorkManager's business: WildFly's default has 50 threads and a queue of 50, and a dedicated one can be named in
 * ironjacamar.xml.
 * <p>
 * A Work the WorkManager does not run comes back to its {@link RefusableTask} as a
 * {@link RejectedExecutionException}, the servers' "busy, ask again" (a batch is answered "not stored", a hello is
 * asked about again), however the WorkManager says so. WildFly 39's (IronJacamar 3.0.18) says it in three ways: a
 * full pool both throws from scheduleWork and tells the listener workRejected; a Work a pool thread takes after its
 * start timeout is not run and the listener hears only workCompleted, with a start-timed-out exception. Any
 * workCompleted is therefore passed on as a refusal: the task ignores it when it has run.
 */
final class WorkManagerExecutor implements Executor {

    private final WorkManager workManager;

    WorkManagerExecutor(WorkManager workManager) {
        this.workManager = workManager;
    }

    /** Called on the selector thread. */
    @Override
    public void execute(Runnable task) {
        try {
            /* IMMEDIATE: IronJacamar 3.0 makes it a start timeout of 100 ms, measured from here to the moment a pool
             * thread takes the Work; a later one is dropped (and refused, see above). scheduleWork never waits for a
             * start timeout; what can still hold this thread is a blocking pool with every thread and queue slot
             * taken, which no start timeout prevents. */
            workManager.scheduleWork(new DeliveryWork(task), WorkManager.IMMEDIATE, null, listenerFor(task));
        } catch (WorkException e) {
            throw new RejectedExecutionException("the WorkManager cannot take a call now: " + e.getMessage(), e);
        }
    }

    private static WorkListener listenerFor(Runnable task) {
        if (!(task instanceof RefusableTask refusable)) {
            return null;
        }
        return new WorkAdapter() {
            @Override
            public void workRejected(WorkEvent event) {
                refusable.refused(notRun("rejected the call", event));
            }

            @Override
            public void workCompleted(WorkEvent event) {
                refusable.refused(notRun("finished the call without running it", event));
            }
        };
    }

    private static RejectedExecutionException notRun(String what, WorkEvent event) {
        WorkException cause = event.getException();
        return new RejectedExecutionException("the WorkManager " + what
                + (cause == null ? "" : ": " + cause.getMessage()), cause);
    }
}

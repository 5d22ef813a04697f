package io.vantage.connector;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkCompletedException;
import jakarta.resource.spi.work.WorkEvent;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.resource.spi.work.WorkRejectedException;

/**
 * Runs scheduled Work on its own threads, named "fake-work-manager", telling a Work's listener what WildFly 39's
 * WorkManager (IronJacamar 3.0.18, {@code WorkManagerImpl} and {@code WorkWrapper}) tells it, on the paths where
 * that WorkManager does not simply run the Work:
 * <ul>
 *   <li>its pool refuses the Work: {@code workRejected} to the listener, then {@link WorkRejectedException} to the
 *       caller, both for the same Work ({@link #refuse()});</li>
 *   <li>a pool thread takes the Work after its start timeout (for {@link WorkManager#IMMEDIATE}, 100 ms after
 *       scheduleWork): the Work never runs, and the listener hears only {@code workCompleted}, with a
 *       {@link WorkRejectedException} coded {@link WorkException#START_TIMED_OUT} ({@link #timeOutStarts(int)});</li>
 *   <li>the Work throws: {@code workCompleted} with a {@link WorkCompletedException}.</li>
 * </ul>
 * Two behaviours IronJacamar does not have cover other WorkManagers: rejecting a Work after taking it through
 * {@code workRejected} ({@link #rejectAfterTaking()}), and losing it without a word ({@link #loseWork()}).
 */
final class FakeWorkManager implements WorkManager {

    static final String THREAD_NAME = "fake-work-manager";

    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, THREAD_NAME);
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger scheduled = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger startsToTimeOut = new AtomicInteger();
    private volatile boolean refusing;
    private volatile boolean rejectingAfterTaking;
    private volatile boolean losing;
    private volatile long lastStartTimeout = -1;

    @Override
    public void doWork(Work work) {
        work.run();
    }

    @Override
    public void doWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener) {
        work.run();
    }

    @Override
    public long startWork(Work work) throws WorkException {
        scheduleWork(work);
        return 0;
    }

    @Override
    public long startWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener)
            throws WorkException {
        scheduleWork(work, startTimeout, context, listener);
        return 0;
    }

    @Override
    public void scheduleWork(Work work) throws WorkException {
        scheduleWork(work, INDEFINITE, null, null);
    }

    @Override
    public void scheduleWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener)
            throws WorkException {
        lastStartTimeout = startTimeout;
        tell(listener, WorkEvent.WORK_ACCEPTED, work, null);
        if (refusing) {
            refused.incrementAndGet();
            WorkRejectedException full = new WorkRejectedException("the work queue is full");
            tell(listener, WorkEvent.WORK_REJECTED, work, full);
            throw full;
        }
        scheduled.incrementAndGet();
        if (losing) {
            return;
        }
        boolean timesOut = startsToTimeOut.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
        threads.execute(() -> runOnPoolThread(work, listener, timesOut));
    }

    private void runOnPoolThread(Work work, WorkListener listener, boolean timesOut) {
        if (rejectingAfterTaking) {
            tell(listener, WorkEvent.WORK_REJECTED, work, new WorkRejectedException("Start timed out",
                    WorkException.START_TIMED_OUT));
            return;
        }
        WorkException failure = null;
        try {
            if (timesOut) {
                throw new WorkRejectedException("Start timed out", WorkException.START_TIMED_OUT);
            }
            tell(listener, WorkEvent.WORK_STARTED, work, null);
            work.run();
        } catch (WorkRejectedException e) {
            failure = e;
        } catch (Throwable t) {
            failure = new WorkCompletedException(t.getMessage(), t);
        } finally {
            work.release();
            tell(listener, WorkEvent.WORK_COMPLETED, work, failure);
        }
    }

    private void tell(WorkListener listener, int type, Work work, WorkException e) {
        if (listener == null) {
            return;
        }
        WorkEvent event = new WorkEvent(this, type, work, e);
        switch (type) {
            case WorkEvent.WORK_ACCEPTED -> listener.workAccepted(event);
            case WorkEvent.WORK_REJECTED -> listener.workRejected(event);
            case WorkEvent.WORK_STARTED -> listener.workStarted(event);
            default -> listener.workCompleted(event);
        }
    }

    /** Refuses every Work as IronJacamar does when its pool and queue are full. */
    void refuse() {
        refusing = true;
    }

    void stopRefusing() {
        refusing = false;
    }

    /** Takes the next {@code works} Works and drops each at its start timeout, as IronJacamar 3.0.18 does. */
    void timeOutStarts(int works) {
        startsToTimeOut.set(works);
    }

    /** Takes every Work and then rejects it through its listener's workRejected without running it. */
    void rejectAfterTaking() {
        rejectingAfterTaking = true;
    }

    /** Takes every Work and then neither runs it nor says anything about it. */
    void loseWork() {
        losing = true;
    }

    /** The start timeout of the last scheduleWork that named one, -1 when none did. */
    long lastStartTimeout() {
        return lastStartTimeout;
    }

    int scheduled() {
        return scheduled.get();
    }

    /** Works refused by {@link #refuse()} so far. */
    int refused() {
        return refused.get();
    }

    void shutdown() {
        threads.shutdownNow();
    }
}

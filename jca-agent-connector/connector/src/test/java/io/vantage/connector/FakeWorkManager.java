package io.vantage.connector;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkEvent;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.resource.spi.work.WorkRejectedException;

/** Runs scheduled Work on its own threads, named "fake-work-manager", or refuses it when told to. */
final class FakeWorkManager implements WorkManager {

    static final String THREAD_NAME = "fake-work-manager";

    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, THREAD_NAME);
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger scheduled = new AtomicInteger();
    private volatile boolean refusing;
    private volatile boolean timingOut;
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
        scheduleWork(work);
        return 0;
    }

    @Override
    public void scheduleWork(Work work) throws WorkException {
        if (refusing) {
            throw new WorkRejectedException("the work queue is full");
        }
        scheduled.incrementAndGet();
        threads.execute(work);
    }

    @Override
    public void scheduleWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener)
            throws WorkException {
        lastStartTimeout = startTimeout;
        if (timingOut) {
            // as IronJacamar does when no thread is free within the start timeout: taken, then rejected later
            scheduled.incrementAndGet();
            threads.execute(() -> {
                if (listener != null) {
                    listener.workRejected(new WorkEvent(this, WorkEvent.WORK_REJECTED, work,
                            new WorkRejectedException("Start timed out", WorkException.START_TIMED_OUT)));
                }
            });
            return;
        }
        scheduleWork(work);
    }

    void refuse() {
        refusing = true;
    }

    /** Takes every Work and then rejects it through its listener without running it. */
    void timeOutStarts() {
        timingOut = true;
    }

    /** The start timeout of the last scheduleWork that named one, -1 when none did. */
    long lastStartTimeout() {
        return lastStartTimeout;
    }

    int scheduled() {
        return scheduled.get();
    }

    void shutdown() {
        threads.shutdownNow();
    }
}

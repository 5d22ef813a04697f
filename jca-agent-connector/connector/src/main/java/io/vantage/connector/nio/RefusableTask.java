package io.vantage.connector.nio;

/**
 * A task that must learn when the executor that took it drops it without running it, so that its caller still gets
 * an answer. A container's WorkManager does this after accepting the work: IronJacamar 3.0 drops a Work that a pool
 * thread takes after its start timeout and says so only through the Work's listener, as {@code workCompleted} with a
 * start-timed-out exception, and when its pool refuses a Work it both tells the listener and throws.
 */
public interface RefusableTask extends Runnable {

    /**
     * The executor says the task did not run, or will not. It may say so more than once, from any thread, and even
     * after {@link #run()} has begun (a notice that cannot tell whether the task ran is passed on all the same): only
     * the first of run and refused counts, the rest are ignored.
     */
    void refused(Throwable cause);
}

package io.vantage.connector.nio;

/**
 * A task that must learn when the executor that took it drops it without running it, so that its caller still gets
 * an answer. A container's WorkManager can do this after accepting the work: IronJacamar rejects a Work whose start
 * timeout passes before a pool thread is free, and says so only to the Work's listener.
 */
public interface RefusableTask extends Runnable {

    /** Called instead of {@link #run()}, at most once, on whatever thread the executor chooses. */
    void refused(Throwable cause);
}

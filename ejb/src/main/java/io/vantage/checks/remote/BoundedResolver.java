package io.vantage.checks.remote;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Name resolution with a deadline. {@link InetAddress#getAllByName(String)} has no timeout and cannot be
 * interrupted (the system resolver may wait for several DNS servers in turn), so lookups run on a small shared pool
 * and the caller stops waiting at its deadline. A lookup that hangs keeps its thread until the resolver gives up;
 * the pool and its queue are bounded so that a dead DNS server cannot pile up threads, and a full pool is reported
 * as {@link RejectedExecutionException} rather than waited for.
 *
 * <p>Answers come through the JVM's address cache ({@code networkaddress.cache.ttl}, 30 s by default), so a repeated
 * lookup may be answered without asking DNS.
 */
final class BoundedResolver {

    private static final int THREADS = 4;
    private static final int QUEUED = 64;
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUED), runnable -> {
                Thread thread = new Thread(runnable, "vantage-check-dns-" + THREAD_NUMBER.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    static {
        POOL.allowCoreThreadTimeOut(true);
    }

    private BoundedResolver() {
    }

    /**
     * All addresses of the host, or an exception: {@link UnknownHostException} when the name does not resolve,
     * {@link TimeoutException} at the deadline, {@link RejectedExecutionException} when too many lookups are pending.
     */
    static List<InetAddress> resolve(String host, Duration timeout)
            throws UnknownHostException, TimeoutException, InterruptedException {
        if (CheckArguments.isIpLiteral(host)) {
            return List.of(InetAddress.getAllByName(host)); // a literal is parsed, never looked up
        }
        Future<InetAddress[]> lookup = POOL.submit(() -> InetAddress.getAllByName(host));
        try {
            return List.of(lookup.get(Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            lookup.cancel(true); // drops it if still queued; a running lookup ends on its own
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException) {
                throw (UnknownHostException) e.getCause();
            }
            UnknownHostException unknown = new UnknownHostException(host + ": " + e.getCause());
            unknown.initCause(e.getCause());
            throw unknown;
        }
    }
}

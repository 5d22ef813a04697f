package io.vantage.connector.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What both listeners' fuzz tests do around their hostile connections: threads, heap, and failure reports. */
public final class FuzzSupport {

    private static final int FAILURES_SHOWN = 10;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private FuzzSupport() {
    }

    /** Fails with the first few findings and the seed to replay them, when there are any. */
    public static void assertNoFailures(String what, List<String> found, FuzzConfig config) {
        if (found.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(found.size() + " " + what + " (" + config.describe() + "):");
        found.stream().limit(FAILURES_SHOWN).forEach(failure -> message.append("\n  ").append(failure));
        if (found.size() > FAILURES_SHOWN) {
            message.append("\n  ...");
        }
        fail(message.toString());
    }

    /**
     * What a listener must look like after the fuzzing, whatever it was thrown: its selector thread alive with no
     * unexpected failure logged, its heap back near where it started, and hostile connections actually made.
     */
    public static void assertListenerSurvived(SelectorWatch watch, long heapGrowth, long heapGrowthLimit,
                                              long hostileConnections, FuzzConfig config) {
        assertTrue(watch.selectorAlive(), "the selector thread died: " + watch.selectorName());
        assertNoFailures("unexpected failures on the selector thread", watch.unexpectedFailures(), config);
        assertTrue(heapGrowth < heapGrowthLimit, "the heap grew by " + (heapGrowth >> 20)
                + " MiB and stayed so after every hostile connection closed");
        assertTrue(hostileConnections > 0, "no hostile connection was made");
    }

    /** The heap in use after a few collections, for a rough "did memory leak" check. */
    public static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** Starts a daemon thread, so a stuck one can never keep the test JVM alive. */
    public static Thread start(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Waits for the threads to end, failing when one still runs {@code windDown} after {@code since}. */
    public static void joinAll(List<Thread> threads, long since, Duration windDown, String what)
            throws InterruptedException {
        long deadline = since + windDown.toNanos();
        for (Thread thread : threads) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (thread.isAlive()) {
                fail(what + ": " + thread.getName() + " still running " + windDown.toSeconds()
                        + " s after it was due to stop");
            }
        }
    }

    public static List<String> concat(List<String> list, String one) {
        List<String> all = new ArrayList<>(list);
        all.add(one);
        return all;
    }
}

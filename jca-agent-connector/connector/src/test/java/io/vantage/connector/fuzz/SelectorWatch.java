package io.vantage.connector.fuzz;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The server's delivery executor, which also keeps an eye on the selector thread. The server calls
 * {@code execute} on its selector thread, so the first call tells which thread that is; from then on everything
 * that thread logs as an unexpected failure (for the agent listener VANTAGE-CON-0010, a connection failed
 * unexpectedly, and VANTAGE-CON-0014, the loop itself failed; for the Graphite listener their twins 0031 and 0032)
 * is collected. Such a failure is a server bug even though the server
 * survives it: the connection involved is closed without the ERROR the protocol promises.
 */
public final class SelectorWatch implements Executor, AutoCloseable {

    private static final List<String> AGENT_UNEXPECTED = List.of("VANTAGE-CON-0010", "VANTAGE-CON-0014");
    private static final List<String> GRAPHITE_UNEXPECTED = List.of("VANTAGE-CON-0031", "VANTAGE-CON-0032");

    private final List<String> unexpected;

    private final ExecutorService deliveries = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "fuzz-delivery");
        thread.setDaemon(true);
        return thread;
    });
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    /** Held strongly: java.util.logging forgets loggers nobody references, and their handlers with them. */
    private final Logger connectorLog = Logger.getLogger("io.vantage.connector");
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            Thread thread = selector;
            String message = String.valueOf(record.getMessage());
            if (thread != null && record.getLongThreadID() == thread.getId() && isUnexpected(message)) {
                failures.add(message + (record.getThrown() == null ? "" : ": " + record.getThrown()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private volatile Thread selector;

    /** Watches the agent listener's selector thread. */
    public SelectorWatch() {
        this(AGENT_UNEXPECTED);
    }

    private SelectorWatch(List<String> unexpected) {
        this.unexpected = unexpected;
        connectorLog.addHandler(handler);
    }

    /** Watches the Graphite listener's selector thread. */
    public static SelectorWatch forGraphiteListener() {
        return new SelectorWatch(GRAPHITE_UNEXPECTED);
    }

    @Override
    public void execute(Runnable task) {
        if (selector == null) {
            selector = Thread.currentThread();
        }
        deliveries.execute(task);
    }

    /** Whether the selector thread has been seen (a first call was handed over) and is still running. */
    public boolean selectorAlive() {
        Thread thread = selector;
        return thread != null && thread.isAlive();
    }

    public String selectorName() {
        Thread thread = selector;
        return thread == null ? "not seen yet" : thread.getName() + " (id " + thread.getId() + ")";
    }

    /** What the selector thread logged as unexpected failures. */
    public List<String> unexpectedFailures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        connectorLog.removeHandler(handler);
        deliveries.shutdownNow();
    }

    private boolean isUnexpected(String message) {
        for (String id : unexpected) {
            if (message.contains(id)) {
                return true;
            }
        }
        return false;
    }
}

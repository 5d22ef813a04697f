package io.vantage.connector.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what the connector (or another logger, such as the agent's) logs while open, at every level: throttled
 * messages drop to DEBUG when another test in the same run logged their kind moments before, and repeated ones to
 * FINE, and a test must still see them.
 */
public final class LogCapture implements AutoCloseable {

    /** Held strongly: java.util.logging forgets loggers nobody references, and their handlers with them. */
    /** Captures open at once per logger (test classes run in parallel); the last to close restores the level. */
    private static final Map<String, Integer> OPEN = new HashMap<>();
    private static final Map<String, Level> LEVEL_BEFORE = new HashMap<>();

    /** Held strongly: java.util.logging forgets loggers nobody references, and their handlers with them. */
    private final Logger logger;
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            messages.add(String.valueOf(record.getMessage()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** Captures the connector's log. */
    public LogCapture() {
        this("io.vantage.connector");
    }

    public LogCapture(String loggerName) {
        logger = Logger.getLogger(loggerName);
        synchronized (LogCapture.class) {
            if (OPEN.merge(loggerName, 1, Integer::sum) == 1) {
                LEVEL_BEFORE.put(loggerName, logger.getLevel());
                logger.setLevel(Level.ALL);
            }
        }
        logger.addHandler(handler);
    }

    /** Waits until a message containing every one of {@code parts} has been logged, and returns it. */
    public String await(String... parts) {
        long deadline = System.nanoTime() + Await.DEADLINE.toNanos();
        while (System.nanoTime() - deadline < 0) {
            for (String message : messages) {
                if (containsAll(message, parts)) {
                    return message;
                }
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no log line with " + List.of(parts) + " within " + Await.DEADLINE + "; logged: "
                + messages);
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        synchronized (LogCapture.class) {
            if (OPEN.merge(logger.getName(), -1, Integer::sum) == 0) {
                logger.setLevel(LEVEL_BEFORE.remove(logger.getName()));
            }
        }
    }

    /** How many messages so far contain every one of {@code parts}. */
    public long count(String... parts) {
        return messages.stream().filter(message -> containsAll(message, parts)).count();
    }

    private static boolean containsAll(String message, String... parts) {
        for (String part : parts) {
            if (!message.contains(part)) {
                return false;
            }
        }
        return true;
    }
}

package io.vantage.connector.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what the connector logs while open, at every level: throttled messages drop to DEBUG when another test
 * in the same run logged their kind moments before, and a test must still see them.
 */
public final class LogCapture implements AutoCloseable {

    /** Held strongly: java.util.logging forgets loggers nobody references, and their handlers with them. */
    private static final Logger LOGGER = Logger.getLogger("io.vantage.connector");
    /** Captures open at once (test classes run in parallel); the last to close restores the level. */
    private static int open;
    private static Level levelBefore;

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

    public LogCapture() {
        synchronized (LogCapture.class) {
            if (open++ == 0) {
                levelBefore = LOGGER.getLevel();
                LOGGER.setLevel(Level.ALL);
            }
        }
        LOGGER.addHandler(handler);
    }

    /** Waits until a message containing every one of {@code parts} has been logged, and returns it. */
    public String await(String... parts) {
        String[] found = new String[1];
        Await.until("a log line with " + List.of(parts) + "; logged: " + messages, () -> {
            found[0] = messages.stream().filter(message -> containsAll(message, parts)).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void close() {
        LOGGER.removeHandler(handler);
        synchronized (LogCapture.class) {
            if (--open == 0) {
                LOGGER.setLevel(levelBefore);
            }
        }
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

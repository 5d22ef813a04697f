package io.vantage.agent.log;

import java.util.logging.LogManager;

/**
 * The JDK's log manager, except that it keeps its handlers while the JVM shuts down. The JDK resets logging from a
 * shutdown hook of its own, which would race the agent's shutdown hook and swallow the agent's last log line.
 * Installed by {@code AgentMain} through the {@code java.util.logging.manager} system property.
 */
public final class AgentLogManager extends LogManager {

    /** The name of the JDK's own shutdown hook thread class, which calls {@link #reset()} at exit. */
    private static final String JDK_CLEANER = LogManager.class.getName() + "$Cleaner";

    @Override
    public void reset() {
        if (!JDK_CLEANER.equals(Thread.currentThread().getClass().getName())) {
            super.reset();
        }
    }
}

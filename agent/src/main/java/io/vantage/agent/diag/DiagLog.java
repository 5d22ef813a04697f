package io.vantage.agent.diag;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The messages of the agent's live diagnostics, codes {@code VANTAGE-AGT-0100} to {@code 0119} (the agent's core
 * keeps 0001 to 0099). Failures are logged when they start and stop, never once per request.
 */
final class DiagLog {

    private static final Logger LOGGER = Logger.getLogger("io.vantage.agent");

    private DiagLog() {
    }

    static void requestFailing(String kind, String reason) {
        log(Level.WARNING, 100, "Cannot answer the server's %s requests: %s; answering them with ERROR until it works",
                kind, reason);
    }

    static void requestWorksAgain(String kind) {
        log(Level.INFO, 101, "The server's %s requests are answered again", kind);
    }

    static void requestRefusedBusy(long requestId, String kind) {
        log(Level.FINE, 102, "Request %d (%s) refused: still working on earlier ones", requestId, kind);
    }

    private static void log(Level level, int code, String format, Object... args) {
        if (LOGGER.isLoggable(level)) {
            LOGGER.log(level, String.format(Locale.ROOT, "VANTAGE-AGT-%04d ", code)
                    + String.format(Locale.ROOT, format, args));
        }
    }
}

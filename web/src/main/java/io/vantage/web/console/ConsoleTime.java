package io.vantage.web.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as the pages first render them: UTC, to the second. live.js rewrites every element that carries the
 * instant in {@code data-time} into the browser's own time zone, so the server's zone never shows.
 */
final class ConsoleTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ConsoleTime() {
    }

    static String text(Instant instant) {
        return instant == null ? "never" : FORMAT.format(instant);
    }

    static long millis(Instant instant) {
        return instant == null ? 0 : instant.toEpochMilli();
    }
}

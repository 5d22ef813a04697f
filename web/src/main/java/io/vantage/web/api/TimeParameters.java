package io.vantage.web.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads the times the API accepts: ISO-8601 instants ({@code 2026-11-28T12:00:00Z}) or epoch milliseconds. */
final class TimeParameters {

    private TimeParameters() {
    }

    static Instant parse(String name, String value, Instant otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        String text = value.trim();
        try {
            if (text.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochMilli(Long.parseLong(text));
            }
            return Instant.parse(text);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + abbreviate(text)
                    + "' is neither an ISO-8601 instant nor epoch milliseconds");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}

package io.vantage.monitors;

import io.vantage.InvalidInputException;
import java.util.Map;
import java.util.TreeMap;

/** A remote check's settings in their stored form: one {@code key=value} per line, keys sorted. */
public final class CheckSettingsText {

    private CheckSettingsText() {
    }

    public static String format(Map<String, String> settings) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(settings).forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    public static Map<String, String> parse(String text) {
        Map<String, String> settings = new TreeMap<>();
        if (text == null) {
            return settings;
        }
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                settings.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return settings;
    }

    /** Rejects what the stored form could not hold. */
    static void validate(Map<String, String> settings) {
        settings.forEach((key, value) -> {
            if (key == null || key.isBlank() || key.contains("=") || key.contains("\n")) {
                throw new InvalidInputException("check setting names must be non-empty words, got '" + key + "'");
            }
            if (value == null || value.contains("\n")) {
                throw new InvalidInputException("check setting '" + key + "' must be a single line");
            }
        });
        if (format(settings).length() > 2000) {
            throw new InvalidInputException("check settings are longer than 2000 characters");
        }
    }
}

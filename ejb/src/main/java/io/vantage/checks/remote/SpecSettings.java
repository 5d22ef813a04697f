package io.vantage.checks.remote;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The string settings of one check spec as the REST API passes them, read with messages that name the setting, the
 * kind and the value. Blank values count as absent, so a form's empty field means "default".
 */
final class SpecSettings {

    private final String kind;
    private final Map<String, String> values;

    /** @throws InvalidCheckSpecException when a key is not one of {@code known} */
    SpecSettings(String kind, Map<String, String> values, List<String> known) {
        this.kind = kind;
        this.values = values == null ? Map.of() : values;
        for (String key : this.values.keySet()) {
            if (!known.contains(key)) {
                // a typo such as "prot" would otherwise silently fall back to a default
                throw new InvalidCheckSpecException("unknown setting '" + CheckArguments.shorten(key) + "' for "
                        + kind + " checks (known: " + String.join(", ", known) + ")");
            }
        }
    }

    Optional<String> optional(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    String required(String key) {
        return optional(key).orElseThrow(
                () -> new InvalidCheckSpecException(key + " is required for " + kind + " checks"));
    }

    long number(String key, long min, long max) {
        String text = required(key);
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidCheckSpecException(key + " must be a whole number, got '" + CheckArguments.shorten(text)
                    + "'");
        }
        return CheckArguments.requireRange(key, value, min, max);
    }

    long number(String key, long min, long max, long defaultValue) {
        return optional(key).isPresent() ? number(key, min, max) : defaultValue;
    }

    boolean flag(String key, boolean defaultValue) {
        Optional<String> text = optional(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        return switch (text.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidCheckSpecException(key + " must be true or false, got '"
                    + CheckArguments.shorten(text.get()) + "'");
        };
    }
}

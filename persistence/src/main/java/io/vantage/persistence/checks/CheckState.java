package io.vantage.persistence.checks;

/**
 * The state a Nagios-compatible check reports, by the plugin API's exit code: {@link #code()} is 0 for OK up to 3
 * for UNKNOWN, the value of the check's {@code check.<name>.status} metric.
 */
public enum CheckState {
    OK,
    WARNING,
    CRITICAL,
    UNKNOWN;

    public int code() {
        return ordinal();
    }

    /**
     * @throws IllegalArgumentException when {@code code} is not 0..3
     */
    public static CheckState ofCode(int code) {
        if (code < 0 || code >= values().length) {
            throw new IllegalArgumentException("check status must be 0..3, was " + code);
        }
        return values()[code];
    }
}

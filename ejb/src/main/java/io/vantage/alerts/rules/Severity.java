package io.vantage.alerts.rules;

/**
 * How bad a monitored value is according to an alert rule. Declared from harmless to worst, so the declaration
 * order is the escalation order.
 */
public enum Severity {
    OK,
    WARNING,
    CRITICAL;

    /** Whether this severity calls for more attention than {@code other}. */
    public boolean isWorseThan(Severity other) {
        return compareTo(other) > 0;
    }

    /** The worse of two severities. */
    public static Severity worst(Severity a, Severity b) {
        return a.isWorseThan(b) ? a : b;
    }
}

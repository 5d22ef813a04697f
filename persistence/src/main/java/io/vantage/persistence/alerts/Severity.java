package io.vantage.persistence.alerts;

/**
 * How bad a monitor's state on a node is, from fine to page-someone. Declared from harmless to worst, so the
 * declaration order is the escalation order.
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

    /** Whether this is a problem someone may need to hear about. */
    public boolean isProblem() {
        return this != OK;
    }
}

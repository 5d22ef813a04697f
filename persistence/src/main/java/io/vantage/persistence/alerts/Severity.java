package io.vantage.persistence.alerts;

/** How bad a monitor's state on a node is, from fine to page-someone. Declared in order of badness. */
public enum Severity {
    OK,
    WARNING,
    CRITICAL;

    public boolean isWorseThan(Severity other) {
        return compareTo(other) > 0;
    }

    /** Whether this is a problem someone may need to hear about. */
    public boolean isProblem() {
        return this != OK;
    }
}

package io.vantage.notifications.channels;

/** What happened to an alert that is worth telling someone about. */
public enum NoticeKind {
    /** The monitored value crossed a threshold: the alert opened or its severity changed while open. */
    PROBLEM,
    /** The alert is back to OK. */
    RESOLVED,
    /** Someone took the alert on. */
    ACKNOWLEDGED,
    /** The alert keeps changing state. */
    FLAPPING,
    /** The alert stopped changing state. */
    FLAPPING_ENDED,
    /** The monitor stopped receiving values for its metric. */
    NO_DATA
}

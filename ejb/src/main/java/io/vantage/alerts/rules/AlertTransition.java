package io.vantage.alerts.rules;

import io.vantage.persistence.alerts.Severity;
import java.time.Instant;

/**
 * Something that happened to an alert and belongs in its history: a change of severity, the metric going silent
 * or coming back, or the alert starting or ending to flap. Quiet transitions are recorded but not notified, so
 * that a flapping alert does not page anyone on every change.
 *
 * @param value the sample value that caused it; null when no sample did (the metric went silent)
 */
public record AlertTransition(Severity from, Severity to, Instant at, Double value, Reason reason, boolean quiet) {

    /** Why an alert's history has a new entry. */
    public enum Reason {
        /** The samples crossed a threshold (or its clear threshold) and the rule's conditions were met. */
        THRESHOLD,
        /** The metric stopped reporting for longer than the rule allows. */
        NO_DATA,
        /** A silent metric reported again; the alert takes the severity the value calls for at once. */
        DATA_RESUMED,
        /** Severity changes became too frequent; further changes are quiet until it settles. */
        FLAPPING_STARTED,
        /** The alert settled; {@code to} is the severity it settled at. */
        FLAPPING_ENDED
    }

    public AlertTransition {
        if (from == null || to == null || at == null || reason == null) {
            throw new IllegalArgumentException("a transition needs from, to, at and a reason");
        }
        if (reason == Reason.THRESHOLD && from == to) {
            throw new IllegalArgumentException("a threshold transition changes the severity, " + from + " does not");
        }
        boolean aboutFlapping = reason == Reason.FLAPPING_STARTED || reason == Reason.FLAPPING_ENDED;
        if (aboutFlapping && from != to) {
            throw new IllegalArgumentException(reason + " reports one severity, not " + from + " to " + to);
        }
    }

    /** Whether people should be told, rather than it only being recorded. */
    public boolean notifies() {
        return !quiet;
    }
}

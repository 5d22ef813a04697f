package io.vantage.alerts.rules;

import io.vantage.persistence.alerts.Severity;
import java.time.Duration;

/**
 * Everything that decides when a metric's alert changes severity: the thresholds, how long a breach (or a
 * recovery) must last before it counts, what to do when the metric stops reporting, and when to stop notifying
 * a flapping alert.
 *
 * @param consecutive how many samples in a row must call for the new severity before it is taken, at least 1
 * @param sustainedFor how long those samples must keep calling for it, measured from the first one; null or zero
 *        for no such requirement
 * @param noDataAfter how long without samples before the alert goes to {@code noDataSeverity}; null for never
 * @param noDataSeverity the severity of a silent metric, WARNING or CRITICAL; null means CRITICAL
 * @param flap when changes stop being notified; null to notify every change
 */
public record AlertRule(Thresholds thresholds, int consecutive, Duration sustainedFor, Duration noDataAfter,
        Severity noDataSeverity, FlapPolicy flap) {

    public AlertRule {
        if (thresholds == null) {
            throw new InvalidRuleException("a rule needs thresholds");
        }
        if (consecutive < 1) {
            throw new InvalidRuleException("consecutive must be at least 1, was " + consecutive);
        }
        if (sustainedFor != null && sustainedFor.isNegative()) {
            throw new InvalidRuleException("sustainedFor must not be negative, was " + sustainedFor);
        }
        if (noDataAfter != null && (noDataAfter.isZero() || noDataAfter.isNegative())) {
            throw new InvalidRuleException("noDataAfter must be longer than zero, was " + noDataAfter
                    + "; leave it unset for a rule that never alerts on missing data");
        }
        if (noDataSeverity == null) {
            noDataSeverity = Severity.CRITICAL;
        }
        if (noDataSeverity == Severity.OK) {
            throw new InvalidRuleException("noDataSeverity must be WARNING or CRITICAL: a metric that stopped"
                    + " reporting is never OK");
        }
    }

    /** A rule that acts on the first breaching sample and has no no-data or flap handling; add them with withers. */
    public static AlertRule of(Thresholds thresholds) {
        return new AlertRule(thresholds, 1, null, null, null, null);
    }

    public AlertRule withConsecutive(int samples) {
        return new AlertRule(thresholds, samples, sustainedFor, noDataAfter, noDataSeverity, flap);
    }

    public AlertRule withSustainedFor(Duration duration) {
        return new AlertRule(thresholds, consecutive, duration, noDataAfter, noDataSeverity, flap);
    }

    public AlertRule withNoData(Duration after, Severity severity) {
        return new AlertRule(thresholds, consecutive, sustainedFor, after, severity, flap);
    }

    public AlertRule withFlap(FlapPolicy policy) {
        return new AlertRule(thresholds, consecutive, sustainedFor, noDataAfter, noDataSeverity, policy);
    }

    /**
     * Whether a new severity called for by {@code samples} samples in a row, the first of them {@code pendingFor}
     * ago, has lasted long enough to be taken.
     */
    public boolean isDue(int samples, Duration pendingFor) {
        return samples >= consecutive && (sustainedFor == null || pendingFor.compareTo(sustainedFor) >= 0);
    }
}

package io.vantage.alerts.rules;

import io.vantage.persistence.alerts.Severity;
import io.vantage.persistence.monitors.Direction;

/**
 * The values at which a metric becomes a warning or critical, and the values it must come back to before the
 * alert clears. Separate clear thresholds give hysteresis: a value hovering around a trigger does not raise and
 * clear the alert on every sample. A missing clear threshold means the alert clears as soon as the value is no
 * longer breaching; a missing warning or critical threshold means the rule never reaches that level by value.
 */
public record Thresholds(Direction direction, Double warning, Double warningClear, Double critical,
        Double criticalClear) {

    public Thresholds {
        if (direction == null) {
            throw new InvalidRuleException("thresholds need a direction, ABOVE or BELOW");
        }
        if (warning == null && critical == null) {
            throw new InvalidRuleException("thresholds need a warning or a critical level, or both");
        }
        requireFinite("warning", warning);
        requireFinite("warningClear", warningClear);
        requireFinite("critical", critical);
        requireFinite("criticalClear", criticalClear);
        requireTrigger("warningClear", warningClear, "warning", warning);
        requireTrigger("criticalClear", criticalClear, "critical", critical);
        if (warningClear == null) {
            warningClear = warning;
        }
        if (criticalClear == null) {
            criticalClear = critical;
        }
        requireNotBeyond(direction, "warningClear", warningClear, "warning", warning,
                "an alert clears where its value is no longer breaching or further back");
        requireNotBeyond(direction, "criticalClear", criticalClear, "critical", critical,
                "an alert clears where its value is no longer breaching or further back");
        requireNotBeyond(direction, "warning", warning, "critical", critical,
                "a value reaches warning on its way to critical");
    }

    /** Thresholds for a metric that is bad when high; either level may be null, not both. */
    public static Thresholds above(Double warning, Double critical) {
        return new Thresholds(Direction.ABOVE, warning, null, critical, null);
    }

    /** Thresholds for a metric that is bad when low; either level may be null, not both. */
    public static Thresholds below(Double warning, Double critical) {
        return new Thresholds(Direction.BELOW, warning, null, critical, null);
    }

    /** The same thresholds, a warning clearing only once the value is back to {@code clear}. */
    public Thresholds withWarningClear(double clear) {
        return new Thresholds(direction, warning, clear, critical, criticalClear);
    }

    /** The same thresholds, a critical clearing only once the value is back to {@code clear}. */
    public Thresholds withCriticalClear(double clear) {
        return new Thresholds(direction, warning, warningClear, critical, clear);
    }

    public boolean hasWarning() {
        return warning != null;
    }

    public boolean hasCritical() {
        return critical != null;
    }

    /** The severity this value alone calls for, ignoring what the alert currently is. */
    public Severity triggerLevel(double value) {
        if (hasCritical() && direction.breaches(value, critical)) {
            return Severity.CRITICAL;
        }
        if (hasWarning() && direction.breaches(value, warning)) {
            return Severity.WARNING;
        }
        return Severity.OK;
    }

    /**
     * The severity an alert already at {@code current} keeps because this value has not cleared it yet. The
     * level below the current one is held too: a critical alert whose value is back under critical but not under
     * the warning clear threshold is still a warning.
     */
    public Severity holdLevel(Severity current, double value) {
        if (current == Severity.CRITICAL && hasCritical() && !direction.clears(value, criticalClear)) {
            return Severity.CRITICAL;
        }
        if (current != Severity.OK && hasWarning() && !direction.clears(value, warningClear)) {
            return Severity.WARNING;
        }
        return Severity.OK;
    }

    private static void requireFinite(String name, Double value) {
        if (value != null && !Double.isFinite(value)) {
            throw new InvalidRuleException(name + " must be a finite number, not " + value);
        }
    }

    private static void requireTrigger(String clearName, Double clear, String triggerName, Double trigger) {
        if (clear != null && trigger == null) {
            throw new InvalidRuleException(clearName + " (" + clear + ") is set but " + triggerName
                    + " is not; a clear threshold only means something for a level the rule has");
        }
    }

    private static void requireNotBeyond(Direction direction, String name, Double value, String limitName,
            Double limit, String why) {
        if (value != null && limit != null && direction.breaches(value, limit)) {
            throw new InvalidRuleException(name + " (" + value + ") must not be " + direction.badSide() + " "
                    + limitName + " (" + limit + ") in " + (direction == Direction.ABOVE ? "an" : "a") + " "
                    + direction + " rule: " + why);
        }
    }
}

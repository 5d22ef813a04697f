package io.vantage.persistence.monitors;

import io.vantage.persistence.alerts.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * A monitor's alert rule as stored: thresholds with their clear levels, how long a breach must last, the no-data rule
 * and flap detection. The services turn it into the rule domain's {@code AlertRule}, which validates it.
 */
@Embeddable
public class AlertRuleSettings {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Direction direction;

    @Column(name = "warning_threshold")
    private Double warning;

    @Column(name = "warning_clear")
    private Double warningClear;

    @Column(name = "critical_threshold")
    private Double critical;

    @Column(name = "critical_clear")
    private Double criticalClear;

    @Column(nullable = false)
    private int consecutive;

    @Column(name = "sustained_seconds", nullable = false)
    private int sustainedSeconds;

    @Column(name = "no_data_seconds")
    private Integer noDataSeconds;

    @Enumerated(EnumType.STRING)
    @Column(name = "no_data_severity", nullable = false, length = 20)
    private Severity noDataSeverity;

    @Column(name = "flap_max_changes")
    private Integer flapMaxChanges;

    @Column(name = "flap_window_seconds")
    private Integer flapWindowSeconds;

    protected AlertRuleSettings() {
        // for JPA
    }

    public AlertRuleSettings(Direction direction, Double warning, Double warningClear, Double critical,
                             Double criticalClear, int consecutive, int sustainedSeconds, Integer noDataSeconds,
                             Severity noDataSeverity, Integer flapMaxChanges, Integer flapWindowSeconds) {
        this.direction = direction;
        this.warning = warning;
        this.warningClear = warningClear;
        this.critical = critical;
        this.criticalClear = criticalClear;
        this.consecutive = consecutive;
        this.sustainedSeconds = sustainedSeconds;
        this.noDataSeconds = noDataSeconds;
        this.noDataSeverity = noDataSeverity;
        this.flapMaxChanges = flapMaxChanges;
        this.flapWindowSeconds = flapWindowSeconds;
    }

    public Direction getDirection() {
        return direction;
    }

    public Double getWarning() {
        return warning;
    }

    public Double getWarningClear() {
        return warningClear;
    }

    public Double getCritical() {
        return critical;
    }

    public Double getCriticalClear() {
        return criticalClear;
    }

    public int getConsecutive() {
        return consecutive;
    }

    public int getSustainedSeconds() {
        return sustainedSeconds;
    }

    public Integer getNoDataSeconds() {
        return noDataSeconds;
    }

    public Severity getNoDataSeverity() {
        return noDataSeverity;
    }

    public Integer getFlapMaxChanges() {
        return flapMaxChanges;
    }

    public Integer getFlapWindowSeconds() {
        return flapWindowSeconds;
    }
}

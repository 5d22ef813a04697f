package io.vantage.persistence.alerts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The current state of one monitor on one node: its severity and since when, whether it is flapping, who acknowledged
 * it, and the rule evaluator's working state (pending breaches, recent changes) so evaluation carries on across
 * server restarts and instances. Its changes are kept as {@link AlertEvent}s.
 */
@Entity
@Table(name = "alerts")
public class Alert {

    @Id
    @GeneratedValue(generator = "alerts_seq")
    @SequenceGenerator(name = "alerts_seq", sequenceName = "alerts_seq", allocationSize = 50)
    private Long id;

    @Column(name = "organization_id", nullable = false)
    private long organizationId;

    @Column(name = "monitor_id", nullable = false)
    private long monitorId;

    @Column(name = "node_id", nullable = false)
    private long nodeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Severity severity;

    @Column(nullable = false)
    private Instant since;

    @Column(nullable = false)
    private boolean flapping;

    @Column(name = "rule_state", nullable = false, length = 4000)
    private String ruleState;

    @Column(name = "last_value")
    private Double lastValue;

    @Column(name = "last_sample_at")
    private Instant lastSampleAt;

    @Column(name = "silence_deadline")
    private Instant silenceDeadline;

    @Column(name = "acknowledged_by", length = 100)
    private String acknowledgedBy;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "acknowledgement_note", length = 1000)
    private String acknowledgementNote;

    @Version
    private long version;

    protected Alert() {
        // for JPA
    }

    public Alert(long organizationId, long monitorId, long nodeId, String initialRuleState, Instant since) {
        this.organizationId = organizationId;
        this.monitorId = monitorId;
        this.nodeId = nodeId;
        this.severity = Severity.OK;
        this.since = since;
        this.ruleState = initialRuleState;
    }

    /** Takes the evaluator's new working state; a change of severity also clears the acknowledgement. */
    public void evaluated(String newRuleState, Severity newSeverity, Instant changedAt, boolean nowFlapping,
                          Double value, Instant sampleAt, Instant newSilenceDeadline) {
        if (newSeverity != severity) {
            severity = newSeverity;
            since = changedAt;
            acknowledgedBy = null;
            acknowledgedAt = null;
            acknowledgementNote = null;
        }
        ruleState = newRuleState;
        flapping = nowFlapping;
        if (sampleAt != null) {
            lastValue = value;
            lastSampleAt = sampleAt;
        }
        silenceDeadline = newSilenceDeadline;
    }

    public void acknowledge(String by, Instant at, String note) {
        acknowledgedBy = by;
        acknowledgedAt = at;
        acknowledgementNote = note;
    }

    public Long getId() {
        return id;
    }

    public long getOrganizationId() {
        return organizationId;
    }

    public long getMonitorId() {
        return monitorId;
    }

    public long getNodeId() {
        return nodeId;
    }

    public Severity getSeverity() {
        return severity;
    }

    public Instant getSince() {
        return since;
    }

    public boolean isFlapping() {
        return flapping;
    }

    public String getRuleState() {
        return ruleState;
    }

    public Double getLastValue() {
        return lastValue;
    }

    public Instant getLastSampleAt() {
        return lastSampleAt;
    }

    public Instant getSilenceDeadline() {
        return silenceDeadline;
    }

    public String getAcknowledgedBy() {
        return acknowledgedBy;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public String getAcknowledgementNote() {
        return acknowledgementNote;
    }

    public boolean isAcknowledged() {
        return acknowledgedAt != null;
    }
}

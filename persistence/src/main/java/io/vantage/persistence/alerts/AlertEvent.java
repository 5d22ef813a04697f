package io.vantage.persistence.alerts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One entry of an alert's history: a change of severity (with the reason and the value that caused it), the start or
 * end of flapping, or an acknowledgement. Quiet entries (changes while flapping) are kept but not notified; entries
 * in a maintenance window are kept and marked.
 */
@Entity
@Table(name = "alert_events")
public class AlertEvent {

    /** Why the entry was written. */
    public enum Reason {
        THRESHOLD, NO_DATA, DATA_RESUMED, FLAPPING_STARTED, FLAPPING_ENDED, ACKNOWLEDGED,
        /** The monitor stopped applying to the node (changed query, node retagged, monitor deleted). */
        UNAPPLIED,
        /** A maintenance window closed while the problem it kept quiet was still open: now people hear of it. */
        MAINTENANCE_ENDED
    }

    @Id
    @GeneratedValue(generator = "alert_events_seq")
    @SequenceGenerator(name = "alert_events_seq", sequenceName = "alert_events_seq", allocationSize = 50)
    private Long id;

    @Column(name = "organization_id", nullable = false)
    private long organizationId;

    @Column(name = "alert_id", nullable = false)
    private long alertId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_severity", nullable = false, length = 20)
    private Severity from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_severity", nullable = false, length = 20)
    private Severity to;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Reason reason;

    @Column(name = "sample_value")
    private Double value;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private boolean quiet;

    @Column(name = "in_maintenance", nullable = false)
    private boolean inMaintenance;

    @Column(name = "recorded_by", length = 100)
    private String recordedBy;

    @Column(length = 1000)
    private String note;

    /** Whether the notifier has decided who hears of it; entries are dispatched once, in order, per alert. */
    @Column(nullable = false)
    private boolean dispatched;

    protected AlertEvent() {
        // for JPA
    }

    public AlertEvent(Alert alert, Severity from, Severity to, Reason reason, Double value, Instant occurredAt,
                      boolean quiet, boolean inMaintenance, String recordedBy, String note) {
        this.organizationId = alert.getOrganizationId();
        this.alertId = alert.getId();
        this.from = from;
        this.to = to;
        this.reason = reason;
        this.value = value;
        this.occurredAt = occurredAt;
        this.quiet = quiet;
        this.inMaintenance = inMaintenance;
        this.recordedBy = recordedBy;
        this.note = note;
    }

    public void markDispatched() {
        dispatched = true;
    }

    public boolean isDispatched() {
        return dispatched;
    }

    public Long getId() {
        return id;
    }

    public long getOrganizationId() {
        return organizationId;
    }

    public long getAlertId() {
        return alertId;
    }

    public Severity getFrom() {
        return from;
    }

    public Severity getTo() {
        return to;
    }

    public Reason getReason() {
        return reason;
    }

    public Double getValue() {
        return value;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public boolean isQuiet() {
        return quiet;
    }

    public boolean isInMaintenance() {
        return inMaintenance;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public String getNote() {
        return note;
    }
}

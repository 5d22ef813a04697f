package io.vantage.persistence.notifications;

import io.vantage.persistence.alerts.Severity;
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
 * One notice to one channel about one alert event, and what became of it: pending, delivered, retrying after a
 * failure, failed for good, or suppressed (a maintenance window). It is the record that a channel "got the problem",
 * which decides who must get the resolution.
 */
@Entity
@Table(name = "notifications")
public class Notification {

    /** What the notice says. */
    public enum Kind { PROBLEM, RESOLVED, ACKNOWLEDGED, FLAPPING, FLAPPING_ENDED, NO_DATA }

    /** Where its delivery stands. */
    public enum Status { PENDING, DELIVERED, RETRYING, FAILED, SUPPRESSED }

    @Id
    @GeneratedValue(generator = "notifications_seq")
    @SequenceGenerator(name = "notifications_seq", sequenceName = "notifications_seq", allocationSize = 50)
    private Long id;

    @Column(name = "organization_id", nullable = false)
    private long organizationId;

    @Column(name = "alert_id", nullable = false)
    private long alertId;

    @Column(name = "alert_event_id", nullable = false)
    private long alertEventId;

    @Column(name = "channel_id", nullable = false)
    private long channelId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(length = 1000)
    private String detail;

    protected Notification() {
        // for JPA
    }

    public Notification(long organizationId, long alertId, long alertEventId, long channelId, Kind kind,
                        Severity severity, Status status, Instant createdAt) {
        this.organizationId = organizationId;
        this.alertId = alertId;
        this.alertEventId = alertEventId;
        this.channelId = channelId;
        this.kind = kind;
        this.severity = severity;
        this.status = status;
        this.createdAt = createdAt;
    }

    public void attempted(Status outcome, String what, Instant when) {
        attempts++;
        status = outcome;
        detail = what == null ? null : what.length() > 1000 ? what.substring(0, 1000) : what;
        lastAttemptAt = when;
        if (outcome == Status.DELIVERED) {
            deliveredAt = when;
        }
    }

    public boolean isFinished() {
        return status == Status.DELIVERED || status == Status.FAILED || status == Status.SUPPRESSED;
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

    public long getAlertEventId() {
        return alertEventId;
    }

    public long getChannelId() {
        return channelId;
    }

    public Kind getKind() {
        return kind;
    }

    public Severity getSeverity() {
        return severity;
    }

    public Status getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastAttemptAt() {
        return lastAttemptAt;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public String getDetail() {
        return detail;
    }
}

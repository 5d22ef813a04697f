package io.vantage.persistence.maintenance;

import io.vantage.persistence.inventory.Organization;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A time when the nodes a query selects are expected to misbehave: alerts are still recorded but nobody is paged.
 * One-off ({@code startsAt} to {@code endsAt}) or recurring (on the listed weekdays, at {@code startsAt}'s time of
 * day in the window's time zone, for {@code durationMinutes}, from {@code startsAt} until {@code endsAt} if set).
 */
@Entity
@Table(name = "maintenance_windows")
public class MaintenanceWindow {

    @Id
    @GeneratedValue(generator = "maintenance_windows_seq")
    @SequenceGenerator(name = "maintenance_windows_seq", sequenceName = "maintenance_windows_seq",
            allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id", nullable = false)
    private Organization organization;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "node_query", nullable = false, length = 1000)
    private String nodeQuery;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at")
    private Instant endsAt;

    /** Comma-separated ISO weekdays ({@code MONDAY,THURSDAY}); null for a one-off window. */
    @Column(name = "recurrence_days", length = 30)
    private String recurrenceDays;

    @Column(name = "duration_minutes")
    private Integer durationMinutes;

    @Column(name = "time_zone", length = 60)
    private String timeZone;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected MaintenanceWindow() {
        // for JPA
    }

    public MaintenanceWindow(Organization organization, String name, String nodeQuery, Instant startsAt,
                             Instant endsAt, String recurrenceDays, Integer durationMinutes, String timeZone,
                             String createdBy, Instant createdAt) {
        this.organization = organization;
        this.name = name;
        this.nodeQuery = nodeQuery;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.recurrenceDays = recurrenceDays;
        this.durationMinutes = durationMinutes;
        this.timeZone = timeZone;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public long getOrganizationId() {
        return organization.getId();
    }

    public String getName() {
        return name;
    }

    public String getNodeQuery() {
        return nodeQuery;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public String getRecurrenceDays() {
        return recurrenceDays;
    }

    public Integer getDurationMinutes() {
        return durationMinutes;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

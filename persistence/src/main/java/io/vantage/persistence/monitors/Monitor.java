package io.vantage.persistence.monitors;

import io.vantage.persistence.inventory.Organization;
import io.vantage.persistence.notifications.NotificationPlan;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
 * What to watch and when to alert: one metric (from agents, or from a remote check the server runs) on every node the
 * node query selects, judged by an alert rule, with a notification plan saying who hears about it. The revision grows
 * with every change, so work scheduled for an older definition can tell it is stale.
 */
@Entity
@Table(name = "monitors")
public class Monitor {

    @Id
    @GeneratedValue(generator = "monitors_seq")
    @SequenceGenerator(name = "monitors_seq", sequenceName = "monitors_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id", nullable = false)
    private Organization organization;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "node_query", nullable = false, length = 1000)
    private String nodeQuery;

    @Column(nullable = false, length = 200)
    private String metric;

    @Embedded
    private AlertRuleSettings rule;

    @Embedded
    private RemoteCheckSettings check;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "plan_id")
    private NotificationPlan plan;

    @Column(nullable = false)
    private boolean enabled;

    @Column(nullable = false)
    private long revision;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected Monitor() {
        // for JPA
    }

    public Monitor(Organization organization, String name, Instant createdAt) {
        this.organization = organization;
        this.name = name;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.enabled = true;
    }

    /** Replaces the definition; every change makes a new revision. */
    public void define(String newName, String newNodeQuery, String newMetric, AlertRuleSettings newRule,
                       RemoteCheckSettings newCheck, NotificationPlan newPlan, boolean nowEnabled, Instant when) {
        this.name = newName;
        this.nodeQuery = newNodeQuery;
        this.metric = newMetric;
        this.rule = newRule;
        this.check = newCheck;
        this.plan = newPlan;
        this.enabled = nowEnabled;
        this.updatedAt = when;
        this.revision++;
    }

    /**
     * Retires the monitor: it keeps its alert history but stops applying, and its name is freed for a new monitor
     * (the unique name constraint covers retired monitors too, so the retired one is renamed).
     */
    public void delete(Instant when) {
        String retired = "~" + id + " " + name;
        this.name = retired.length() > 100 ? retired.substring(0, 100) : retired;
        this.enabled = false;
        this.deletedAt = when;
        this.updatedAt = when;
        this.revision++;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public Long getId() {
        return id;
    }

    public Organization getOrganization() {
        return organization;
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

    public String getMetric() {
        return metric;
    }

    public AlertRuleSettings getRule() {
        return rule;
    }

    /** The remote check, or null when the monitor judges a metric the agents send. */
    public RemoteCheckSettings getCheck() {
        return check != null && check.isPresent() ? check : null;
    }

    public NotificationPlan getPlan() {
        return plan;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public long getRevision() {
        return revision;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}

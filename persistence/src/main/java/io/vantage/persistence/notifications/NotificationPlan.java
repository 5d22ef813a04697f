package io.vantage.persistence.notifications;

import io.vantage.persistence.alerts.Severity;
import io.vantage.persistence.inventory.Organization;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * Who hears about a monitor's problems, by severity: for example WARNING to the team's mail list, CRITICAL to the
 * pager webhook and the mail list. Resolutions go to every channel that heard about the problem, whatever the plan
 * says by then.
 */
@Entity
@Table(name = "notification_plans")
public class NotificationPlan {

    @Id
    @GeneratedValue(generator = "notification_plans_seq")
    @SequenceGenerator(name = "notification_plans_seq", sequenceName = "notification_plans_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id", nullable = false)
    private Organization organization;

    @Column(nullable = false, length = 100)
    private String name;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "notification_plan_routes", joinColumns = @JoinColumn(name = "plan_id"))
    private Set<PlanRoute> routes = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected NotificationPlan() {
        // for JPA
    }

    public NotificationPlan(Organization organization, String name, Instant createdAt) {
        this.organization = organization;
        this.name = name;
        this.createdAt = createdAt;
    }

    public void change(String newName, Collection<PlanRoute> newRoutes) {
        this.name = newName;
        routes.clear();
        routes.addAll(newRoutes);
    }

    /** The channels that hear about problems of this severity. */
    public Set<Long> channelsFor(Severity severity) {
        Set<Long> channels = new HashSet<>();
        for (PlanRoute route : routes) {
            if (route.getSeverity() == severity) {
                channels.add(route.getChannelId());
            }
        }
        return channels;
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

    public Set<PlanRoute> getRoutes() {
        return Collections.unmodifiableSet(routes);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

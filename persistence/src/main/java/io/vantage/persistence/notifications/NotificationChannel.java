package io.vantage.persistence.notifications;

import io.vantage.persistence.inventory.Organization;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Somewhere notifications go: a list of mail addresses, or a webhook URL (with an optional secret that signs each
 * body). Plans route alerts to channels by severity.
 */
@Entity
@Table(name = "notification_channels")
public class NotificationChannel {

    /** How a channel delivers. */
    public enum Kind { EMAIL, WEBHOOK }

    @Id
    @GeneratedValue(generator = "notification_channels_seq")
    @SequenceGenerator(name = "notification_channels_seq", sequenceName = "notification_channels_seq",
            allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id", nullable = false)
    private Organization organization;

    @Column(nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Kind kind;

    /** Comma-separated addresses for EMAIL, the URL for WEBHOOK. */
    @Column(nullable = false, length = 2000)
    private String target;

    @Column(length = 200)
    private String secret;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected NotificationChannel() {
        // for JPA
    }

    public NotificationChannel(Organization organization, String name, Kind kind, String target, String secret,
                               Instant createdAt) {
        this.organization = organization;
        this.name = name;
        this.kind = kind;
        this.target = target;
        this.secret = secret;
        this.enabled = true;
        this.createdAt = createdAt;
    }

    public void change(String newName, String newTarget, String newSecret, boolean nowEnabled) {
        this.name = newName;
        this.target = newTarget;
        this.secret = newSecret;
        this.enabled = nowEnabled;
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

    public Kind getKind() {
        return kind;
    }

    public String getTarget() {
        return target;
    }

    public String getSecret() {
        return secret;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

package io.vantage.persistence.monitors;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A check the server runs against each of a monitor's nodes (TCP, ping, HTTP, DNS), when the monitor has one: its
 * kind, its settings as {@code key=value} lines, and how often it runs. Absent for monitors of agent metrics.
 */
@Embeddable
public class RemoteCheckSettings {

    @Column(name = "check_kind", length = 20)
    private String kind;

    @Column(name = "check_settings", length = 2000)
    private String settings;

    @Column(name = "check_interval_seconds")
    private Integer intervalSeconds;

    protected RemoteCheckSettings() {
        // for JPA
    }

    public RemoteCheckSettings(String kind, String settings, int intervalSeconds) {
        this.kind = kind;
        this.settings = settings;
        this.intervalSeconds = intervalSeconds;
    }

    public String getKind() {
        return kind;
    }

    public String getSettings() {
        return settings;
    }

    public Integer getIntervalSeconds() {
        return intervalSeconds;
    }

    public boolean isPresent() {
        return kind != null;
    }
}

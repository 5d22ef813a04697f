package io.vantage.persistence.notifications;

import io.vantage.persistence.alerts.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;

/** One line of a notification plan: problems of this severity go to this channel. */
@Embeddable
public class PlanRoute {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Severity severity;

    @Column(name = "channel_id", nullable = false)
    private long channelId;

    protected PlanRoute() {
        // for JPA
    }

    public PlanRoute(Severity severity, long channelId) {
        this.severity = severity;
        this.channelId = channelId;
    }

    public Severity getSeverity() {
        return severity;
    }

    public long getChannelId() {
        return channelId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlanRoute other && other.severity == severity && other.channelId == channelId;
    }

    @Override
    public int hashCode() {
        return Objects.hash(severity, channelId);
    }
}

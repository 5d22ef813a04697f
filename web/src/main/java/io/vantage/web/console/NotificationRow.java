package io.vantage.web.console;

import io.vantage.persistence.notifications.Notification;
import java.io.Serializable;
import java.time.Instant;

/** One notice to one channel about an alert, as the alert page lists it: what, where, and what became of it. */
public final class NotificationRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Instant createdAt;
    private final String kind;
    private final String channel;
    private final String severity;
    private final String status;
    private final int attempts;
    private final Instant lastAttemptAt;
    private final String detail;

    /** @param channel the channel's name, null when it is unknown */
    NotificationRow(Notification notification, String channel) {
        this.createdAt = notification.getCreatedAt();
        this.kind = notification.getKind().name();
        this.channel = channel == null ? "channel " + notification.getChannelId() : channel;
        this.severity = notification.getSeverity().name();
        this.status = notification.getStatus().name();
        this.attempts = notification.getAttempts();
        this.lastAttemptAt = notification.getLastAttemptAt();
        this.detail = notification.getDetail();
    }

    public String getCreatedText() {
        return ConsoleTime.text(createdAt);
    }

    public long getCreatedMillis() {
        return ConsoleTime.millis(createdAt);
    }

    public String getKind() {
        return kind;
    }

    public String getChannel() {
        return channel;
    }

    public String getSeverity() {
        return severity;
    }

    public String getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastAttemptText() {
        return ConsoleTime.text(lastAttemptAt);
    }

    public long getLastAttemptMillis() {
        return ConsoleTime.millis(lastAttemptAt);
    }

    public String getDetail() {
        return detail;
    }
}

package io.vantage.web.console;

import io.vantage.persistence.checks.CheckResult;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * One agent check as the node page lists it: its name, a badge of its status, what the plugin said, and how long
 * ago it ran. live-checks.js keeps the row current from pushed results, by the check's name and finish time.
 */
public final class CheckRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String status;
    private final String text;
    private final long finishedAtMillis;
    private final String finishedText;
    private final String age;
    private final long durationMillis;

    CheckRow(CheckResult result, Instant now) {
        this.name = result.check();
        this.status = result.state().name();
        this.text = result.text();
        this.finishedAtMillis = result.finishedAt().toEpochMilli();
        this.finishedText = ConsoleTime.text(result.finishedAt());
        this.age = age(Duration.between(result.finishedAt(), now));
        this.durationMillis = result.durationMillis();
    }

    /** "12 s ago", "5 min ago", "3 h ago", "2 d ago": the same words live-checks.js writes as time passes. */
    static String age(Duration elapsed) {
        long seconds = Math.max(0, elapsed.toSeconds());
        if (seconds < 60) {
            return seconds + " s ago";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min ago";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " h ago";
        }
        return seconds / 86_400 + " d ago";
    }

    public String getName() {
        return name;
    }

    public String getStatus() {
        return status;
    }

    /** The badge's class, in the colours of alert severities: UNKNOWN has its own. */
    public String getStatusClass() {
        return "severity-" + status.toLowerCase(Locale.ROOT);
    }

    public String getText() {
        return text;
    }

    public long getFinishedAtMillis() {
        return finishedAtMillis;
    }

    public String getFinishedText() {
        return finishedText;
    }

    public String getAge() {
        return age;
    }

    public long getDurationMillis() {
        return durationMillis;
    }
}

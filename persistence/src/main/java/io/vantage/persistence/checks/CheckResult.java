package io.vantage.persistence.checks;

import java.time.Instant;
import java.util.Objects;

/**
 * One run of an agent's external check on a node: its state and what the plugin said, as operators read it beside
 * the {@code check.<name>.*} metrics of the same run.
 *
 * @param check          the check's name on its node ({@code disk}), as in {@code check.disk.status}
 * @param state          OK, WARNING, CRITICAL or UNKNOWN
 * @param text           the plugin's status text, at most 1 KiB
 * @param finishedAt     when the run ended, by the agent's clock: the time its samples carry
 * @param durationMillis how long the run took
 */
public record CheckResult(String check, CheckState state, String text, Instant finishedAt, long durationMillis) {

    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }
}

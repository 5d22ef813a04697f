package io.vantage.metrics;

import io.vantage.connector.api.AgentBatch;
import io.vantage.connector.api.AgentCheckRun;
import io.vantage.protocol.CheckRun;
import io.vantage.protocol.MetricNames;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a batch must be for Vantage to store it: valid metric names, and timestamps no older than the raw retention
 * and no further ahead than a badly set clock could explain; its check runs obey the protocol's bounds and the same
 * time rule. A batch that breaks a rule is refused whole, so an agent never half-delivers.
 */
public final class BatchRules {

    /** How long raw samples are kept; older samples would expire on arrival. */
    public static final Duration RETENTION = Duration.ofDays(32);
    /** How far ahead of the server's clock an agent's clock may run. */
    public static final Duration MAX_CLOCK_AHEAD = Duration.ofMinutes(10);

    private BatchRules() {
    }

    /** Why the batch must be refused, or empty when it may be stored. */
    public static Optional<String> violation(AgentBatch batch, Instant now) {
        if (batch.size() == 0) {
            return Optional.of("batch holds no samples");
        }
        long oldest = now.minus(RETENTION).toEpochMilli();
        long newest = now.plus(MAX_CLOCK_AHEAD).toEpochMilli();
        for (int i = 0; i < batch.size(); i++) {
            String metric = batch.metrics()[i];
            if (!MetricNames.isValid(metric)) {
                return Optional.of("sample " + i + " has an invalid metric name '" + abbreviate(metric) + "'");
            }
            long timestamp = batch.timestamps()[i];
            if (timestamp < oldest || timestamp > newest) {
                return Optional.of("sample " + i + " (" + metric + ") has timestamp " + Instant.ofEpochMilli(timestamp)
                        + ", outside " + Instant.ofEpochMilli(oldest) + " .. " + Instant.ofEpochMilli(newest)
                        + "; check the agent's clock");
            }
            if (!Double.isFinite(batch.values()[i])) {
                return Optional.of("sample " + i + " (" + metric + ") is not a finite number");
            }
        }
        for (int i = 0; i < batch.checks().size(); i++) {
            Optional<String> problem = checkViolation(batch.checks().get(i), oldest, newest);
            if (problem.isPresent()) {
                return Optional.of("check run " + i + " " + problem.get());
            }
        }
        return Optional.empty();
    }

    /**
     * The connector decoded the run within the protocol's bounds already; they are checked again because the
     * listener interface is the application's own border.
     */
    private static Optional<String> checkViolation(AgentCheckRun run, long oldest, long newest) {
        try {
            new CheckRun(run.check(), run.status(), run.text(), run.finishedAtMillis(), run.durationMillis());
        } catch (IllegalArgumentException e) {
            return Optional.of("(" + abbreviate(run.check()) + ") breaks the protocol's bounds: " + e.getMessage());
        }
        if (run.finishedAtMillis() < oldest || run.finishedAtMillis() > newest) {
            return Optional.of("(" + run.check() + ") finished at " + Instant.ofEpochMilli(run.finishedAtMillis())
                    + ", outside " + Instant.ofEpochMilli(oldest) + " .. " + Instant.ofEpochMilli(newest)
                    + "; check the agent's clock");
        }
        return Optional.empty();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}

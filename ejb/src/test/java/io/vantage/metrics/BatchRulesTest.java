package io.vantage.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.connector.api.AgentBatch;
import io.vantage.connector.api.AgentCheckRun;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void a_batch_of_valid_recent_samples_is_accepted() {
        assertTrue(BatchRules.violation(batch("cpu.user", NOW.minusSeconds(10), 12.5), NOW).isEmpty());
    }

    @Test
    void an_invalid_metric_name_rejects_the_whole_batch() {
        assertTrue(BatchRules.violation(batch("cpu user", NOW, 1), NOW).orElseThrow().contains("invalid metric name"));
    }

    @Test
    void a_sample_older_than_the_retention_is_rejected() {
        Instant tooOld = NOW.minus(BatchRules.RETENTION).minusSeconds(1);
        assertTrue(BatchRules.violation(batch("cpu.user", tooOld, 1), NOW).orElseThrow().contains("agent's clock"));
    }

    @Test
    void a_clock_running_ahead_is_tolerated_up_to_the_limit_and_no_further() {
        Instant limit = NOW.plus(BatchRules.MAX_CLOCK_AHEAD);
        assertTrue(BatchRules.violation(batch("cpu.user", limit, 1), NOW).isEmpty());
        assertTrue(BatchRules.violation(batch("cpu.user", limit.plus(Duration.ofMillis(1)), 1), NOW).isPresent());
    }

    @Test
    void check_runs_follow_the_sample_time_rule_and_the_protocols_bounds() {
        assertTrue(BatchRules.violation(withRun(new AgentCheckRun("disk", 2, "DISK CRITICAL", NOW.toEpochMilli(), 40)),
                NOW).isEmpty());
        Instant tooOld = NOW.minus(BatchRules.RETENTION).minusSeconds(1);
        assertTrue(BatchRules.violation(withRun(new AgentCheckRun("disk", 0, "OK", tooOld.toEpochMilli(), 1)), NOW)
                .orElseThrow().contains("agent's clock"));
        assertTrue(BatchRules.violation(withRun(new AgentCheckRun("disk", 4, "OK", NOW.toEpochMilli(), 1)), NOW)
                .orElseThrow().contains("status"));
        assertTrue(BatchRules.violation(withRun(new AgentCheckRun("a.b", 0, "OK", NOW.toEpochMilli(), 1)), NOW)
                .orElseThrow().contains("check name"));
        assertTrue(BatchRules.violation(withRun(new AgentCheckRun("disk", 0, "x".repeat(1025), NOW.toEpochMilli(),
                1)), NOW).orElseThrow().contains("text"));
    }

    private static AgentBatch withRun(AgentCheckRun run) {
        return new AgentBatch("a", "h", 1, new String[] {"check.disk.status"}, new long[] {NOW.toEpochMilli()},
                new double[] {run.status()}, List.of(run));
    }

    @Test
    void an_empty_batch_is_rejected() {
        AgentBatch empty = new AgentBatch("a", "h", 1, new String[0], new long[0], new double[0]);
        assertEquals("batch holds no samples", BatchRules.violation(empty, NOW).orElseThrow());
    }

    private static AgentBatch batch(String metric, Instant at, double value) {
        return new AgentBatch("agent", "host", 1, new String[] {metric}, new long[] {at.toEpochMilli()},
                new double[] {value});
    }
}

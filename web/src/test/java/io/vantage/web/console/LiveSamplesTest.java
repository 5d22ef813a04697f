package io.vantage.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.persistence.checks.CheckResult;
import io.vantage.persistence.checks.CheckState;
import io.vantage.persistence.metrics.MetricBatch;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveSamplesTest {

    @Test
    void the_console_gets_whole_machine_cpu_memory_swap_and_load() {
        assertTrue(LiveSamples.isShown("cpu.total"));
        assertTrue(LiveSamples.isShown("mem.used_percent"));
        assertTrue(LiveSamples.isShown("swap.used_percent"));
        assertTrue(LiveSamples.isShown("load.1m"));
    }

    @Test
    void per_core_cpu_and_other_metrics_are_not_pushed() {
        assertFalse(LiveSamples.isShown("cpu.0.user"));
        assertFalse(LiveSamples.isShown("cpu.15.total"));
        assertFalse(LiveSamples.isShown("disk.sda.reads_per_s"));
        assertFalse(LiveSamples.isShown(null));
    }

    @Test
    void check_results_are_pushed_with_their_text_even_when_no_charted_metric_came_with_them() {
        MetricBatch batch = new MetricBatch(1, 42, "agent-1", 9, new String[] {"check.disk.status"},
                new long[] {1_000}, new double[] {2}, List.of(new CheckResult("disk", CheckState.CRITICAL,
                "DISK CRITICAL - \"/\" <b>1%</b>", Instant.ofEpochMilli(1_000), 42)));

        JsonObject message = Json.createReader(new StringReader(LiveSamples.json(batch).orElseThrow())).readObject();

        assertEquals(42, message.getInt("nodeId"));
        assertEquals(0, message.getJsonArray("samples").size());
        JsonObject check = message.getJsonArray("checks").getJsonObject(0);
        assertEquals("disk", check.getString("c"));
        assertEquals("CRITICAL", check.getString("s"));
        assertEquals("DISK CRITICAL - \"/\" <b>1%</b>", check.getString("x"));
        assertEquals(1_000, check.getJsonNumber("t").longValue());
        assertEquals(42, check.getJsonNumber("d").longValue());
    }

    @Test
    void a_checks_age_reads_in_the_largest_whole_unit() {
        assertEquals("0 s ago", CheckRow.age(Duration.ofMillis(-500)));
        assertEquals("59 s ago", CheckRow.age(Duration.ofSeconds(59)));
        assertEquals("5 min ago", CheckRow.age(Duration.ofSeconds(330)));
        assertEquals("3 h ago", CheckRow.age(Duration.ofHours(3).plusMinutes(59)));
        assertEquals("2 d ago", CheckRow.age(Duration.ofDays(2)));
    }
}

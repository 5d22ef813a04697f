package io.vantage.agent.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.protocol.CheckRun;
import io.vantage.protocol.MetricNames;
import io.vantage.protocol.Sample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckSamplesTest {

    @Test
    void status_duration_values_and_plain_thresholds_carry_the_finish_time() {
        CheckResult result = new CheckResult(CheckStatus.WARNING, "DISK WARNING", List.of(
                new PerfValue("/", 10, 20.0, 30.0, 0.0, 40.0),
                new PerfValue("'time total'.ms", 0.5, null, null, null, null)), 0.25, 7_000L);
        List<Sample> samples = new ArrayList<>();

        CheckSamples.add("disk", result, samples);

        assertEquals(List.of(new Sample("check.disk.status", 7_000L, 1),
                new Sample("check.disk.duration_seconds", 7_000L, 0.25),
                new Sample("check.disk._", 7_000L, 10),
                new Sample("check.disk._.warn", 7_000L, 20),
                new Sample("check.disk._.crit", 7_000L, 30),
                new Sample("check.disk._.min", 7_000L, 0),
                new Sample("check.disk._.max", 7_000L, 40),
                new Sample("check.disk._time_total__ms", 7_000L, 0.5)), samples);
        assertTrue(samples.stream().allMatch(sample -> MetricNames.isValid(sample.metric())));
    }

    @Test
    void the_run_carries_the_text_bounded_for_the_wire_and_the_duration_in_whole_milliseconds() {
        CheckResult result = new CheckResult(CheckStatus.UNKNOWN, "exit code 9: " + "é".repeat(1000), List.of(),
                1.2345, 7_000L);

        CheckRun run = CheckSamples.run("disk", result);

        assertEquals(new CheckRun("disk", 3, run.text(), 7_000L, 1235), run);
        assertTrue(run.text().startsWith("exit code 9: é"));
        assertTrue(run.text().endsWith(CheckRun.TRUNCATION_MARKER));
        assertTrue(run.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= CheckRun.MAX_TEXT_BYTES);
    }

    @Test
    void labels_clashing_with_the_agents_metrics_or_with_each_other_are_dropped() {
        CheckResult result = new CheckResult(CheckStatus.OK, "OK", List.of(
                new PerfValue("status", 5, null, null, null, null),
                new PerfValue("a b", 1, null, null, null, null),
                new PerfValue("a.b", 2, null, null, null, null)), 0.1, 1L);
        List<Sample> samples = new ArrayList<>();

        CheckSamples.add("x", result, samples);

        assertEquals(List.of("check.x.status", "check.x.duration_seconds", "check.x.a_b"),
                samples.stream().map(Sample::metric).toList());
        assertEquals(0.0, samples.get(0).value());
        assertEquals(1.0, samples.get(2).value());
    }
}

package io.vantage.agent.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

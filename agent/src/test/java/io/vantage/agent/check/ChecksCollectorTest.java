package io.vantage.agent.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.protocol.CheckRun;
import io.vantage.protocol.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scheduling on a fake clock, with checks run on the calling thread unless a test holds them back. */
class ChecksCollectorTest {

    @TempDir
    Path dir;

    private long nanos = 5_000_000_000L;
    private final List<String> runs = new ArrayList<>();
    private final ConcurrentLinkedQueue<Runnable> heldBack = new ConcurrentLinkedQueue<>();
    private boolean holdBack;
    private CheckStatus nextStatus = CheckStatus.OK;

    private final Function<CheckDefinition, CheckResult> runner = definition -> {
        runs.add(definition.name());
        return new CheckResult(nextStatus, "text", List.of(new PerfValue("v", 1, 2.0, null, null, null)), 0.5,
                nanos / 1_000_000);
    };

    private ChecksCollector checks;

    @BeforeEach
    void createCollector() {
        checks = new ChecksCollector(new CheckDirectory(dir), runner, task -> {
            if (holdBack) {
                heldBack.add(task);
            } else {
                task.run();
            }
        }, () -> nanos, () -> { });
    }

    @Test
    void each_check_runs_on_its_own_interval() throws IOException {
        write("fast.check", "command=/bin/fast\ninterval-seconds=10");
        write("slow.check", "command=/bin/slow\ninterval-seconds=30");

        for (int second = 0; second <= 60; second += 10) {
            tick();
            advance(10);
        }

        assertEquals(7, runs.stream().filter("fast"::equals).count());
        assertEquals(3, runs.stream().filter("slow"::equals).count()); // at 0, 30 and 60 s
    }

    @Test
    void results_join_the_tick_with_the_time_the_check_finished() throws IOException {
        write("disk.check", "command=/bin/disk");

        List<Sample> samples = tick();

        assertEquals(List.of(new Sample("check.disk.status", 5_000L, 0), new Sample("check.disk.duration_seconds",
                5_000L, 0.5), new Sample("check.disk.v", 5_000L, 1), new Sample("check.disk.v.warn", 5_000L, 2)),
                samples);
        assertEquals(CheckStatus.OK, checks.lastResults().get("disk").status());
        assertEquals("text", checks.lastResults().get("disk").text());
    }

    @Test
    void each_result_comes_with_its_run_status_text_duration_and_finish_time_for_the_same_batch() throws IOException {
        write("disk.check", "command=/bin/disk");
        nextStatus = CheckStatus.WARNING;
        List<CheckRun> runs = new ArrayList<>();

        List<Sample> samples = new ArrayList<>();
        checks.collect(nanos / 1_000_000, samples, runs);

        assertEquals(List.of(new CheckRun("disk", 1, "text", 5_000L, 500)), runs);
        assertEquals(new Sample("check.disk.status", 5_000L, 1), samples.get(0));
    }

    @Test
    void at_most_256_runs_join_one_tick_and_the_rest_come_with_the_next() throws IOException {
        for (int i = 0; i < CheckRun.MAX_PER_BATCH + 10; i++) {
            write("c" + i + ".check", "command=/bin/c\ninterval-seconds=3600");
        }
        List<CheckRun> first = new ArrayList<>();
        checks.collect(nanos / 1_000_000, new ArrayList<>(), first);
        advance(10);
        List<CheckRun> second = new ArrayList<>();
        List<Sample> secondSamples = new ArrayList<>();
        checks.collect(nanos / 1_000_000, secondSamples, second);

        assertEquals(CheckRun.MAX_PER_BATCH, first.size());
        assertEquals(10, second.size());
        assertEquals(10, secondSamples.stream().filter(s -> s.metric().endsWith(".status")).count(),
                "the samples wait with their runs");
    }

    @Test
    void a_run_still_going_is_not_started_again_and_its_result_comes_with_a_later_tick() throws IOException {
        write("slow.check", "command=/bin/slow\ninterval-seconds=10");
        holdBack = true;

        assertTrue(tick().isEmpty());
        advance(10);
        assertTrue(tick().isEmpty());
        assertEquals(1, heldBack.size()); // due again, but the first run has not finished

        heldBack.poll().run();
        assertEquals(4, tick().size()); // status, duration, v, v.warn
        advance(10);
        tick();
        assertEquals(1, heldBack.size());
    }

    @Test
    void an_edited_file_reschedules_only_its_check_and_a_removed_one_stops() throws IOException {
        write("a.check", "command=/bin/a\ninterval-seconds=60");
        write("b.check", "command=/bin/b\ninterval-seconds=60");
        tick();
        advance(10);
        write("a.check", "command=/bin/a -v\ninterval-seconds=60");
        Files.setLastModifiedTime(dir.resolve("a.check"), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        Files.delete(dir.resolve("b.check"));

        tick();

        assertEquals(List.of("a", "b", "a"), runs);
        assertEquals(List.of("a"), List.copyOf(checks.lastResults().keySet()));
    }

    @Test
    void a_state_change_is_kept_as_the_last_result() throws IOException {
        write("x.check", "command=/bin/x\ninterval-seconds=10");
        tick();
        nextStatus = CheckStatus.CRITICAL;
        advance(10);

        List<Sample> samples = tick();

        assertEquals(2.0, samples.get(0).value());
        assertEquals(CheckStatus.CRITICAL, checks.lastResults().get("x").status());
    }

    private List<Sample> tick() {
        List<Sample> samples = new ArrayList<>();
        checks.collect(nanos / 1_000_000, samples);
        return samples;
    }

    private void advance(long seconds) {
        nanos += TimeUnit.SECONDS.toNanos(seconds);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }
}

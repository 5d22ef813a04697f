package io.vantage.agent.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckRunnerTest {

    private static final Path PLUGINS = Path.of("/usr/lib/nagios/plugins");

    @TempDir
    Path dir;

    private final CheckRunner runner = new CheckRunner(() -> 42_000L);

    @ParameterizedTest
    @CsvSource({"0, OK", "1, WARNING", "2, CRITICAL", "3, UNKNOWN", "4, UNKNOWN", "127, UNKNOWN", "255, UNKNOWN"})
    void the_exit_code_gives_the_status(int exitCode, CheckStatus expected) throws IOException {
        Path script = script("echo 'SOME TEXT | a=1;2;3'\nexit " + exitCode);

        CheckResult result = runner.run(definition(script, Duration.ofSeconds(10)));

        assertEquals(expected, result.status());
        assertEquals(exitCode <= 3 ? "SOME TEXT" : "exit code " + exitCode + ": SOME TEXT", result.text());
        assertEquals(List.of(new PerfValue("a", 1, 2.0, 3.0, null, null)), result.perfData());
        assertEquals(42_000L, result.finishedMillis());
        assertTrue(result.durationSeconds() >= 0 && result.durationSeconds() < 5);
    }

    @Test
    void the_exit_code_mapping_covers_the_plugin_api() {
        assertEquals(CheckStatus.OK, CheckStatus.ofExitCode(0));
        assertEquals(CheckStatus.UNKNOWN, CheckStatus.ofExitCode(-1));
        assertEquals(3, CheckStatus.UNKNOWN.code());
    }

    @Test
    void a_check_past_its_timeout_is_killed_with_its_children() throws Exception {
        Path pids = dir.resolve("pids");
        Path script = script("sleep 30 &\necho $! > " + pids + "\necho $$ >> " + pids + "\nsleep 30\n");

        long start = System.nanoTime();
        CheckResult result = runner.run(definition(script, Duration.ofSeconds(1)));

        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
        assertEquals(CheckStatus.UNKNOWN, result.status());
        assertEquals("timed out after 1 s", result.text());
        assertTrue(result.durationSeconds() >= 1);
        for (String pid : Files.readAllLines(pids)) {
            assertFalse(aliveAfterWaiting(Long.parseLong(pid.trim())), "process " + pid + " still runs");
        }
    }

    @Test
    void output_past_the_limit_is_dropped_without_blocking_the_plugin_or_cutting_a_number() throws IOException {
        Path script = script("echo 'BIG OK | first=1'\necho '| l0=0'\nseq 1 30000 | sed 's/.*/l&=&/'\nexit 1");

        CheckResult result = runner.run(definition(script, Duration.ofSeconds(10)));

        assertEquals(CheckStatus.WARNING, result.status());
        assertEquals("BIG OK", result.text());
        List<PerfValue> values = result.perfData();
        assertTrue(values.size() > 5000 && values.size() < 30000, "read " + values.size());
        for (PerfValue value : values.subList(1, values.size())) {
            assertEquals(value.label(), "l" + (long) value.value()); // no number cut short at the limit
        }
    }

    @Test
    void a_missing_executable_is_unknown_with_the_reason() {
        CheckResult result = runner.run(new CheckDefinition("gone", List.of(dir + "/check_nope", "-w", "1"),
                Duration.ofSeconds(60), Duration.ofSeconds(10)));

        assertEquals(CheckStatus.UNKNOWN, result.status());
        assertEquals("cannot run " + dir + "/check_nope: No such file or directory", result.text());
        assertTrue(result.perfData().isEmpty());
    }

    @Test
    void standard_error_counts_as_output() throws IOException {
        Path script = script("echo 'CRITICAL - broken' >&2\nexit 2");

        assertEquals("CRITICAL - broken", runner.run(definition(script, Duration.ofSeconds(10))).text());
    }

    @Test
    void the_real_check_load_runs_unchanged() {
        Path checkLoad = PLUGINS.resolve("check_load");
        assumeTrue(Files.isExecutable(checkLoad), "monitoring-plugins-basic is not installed");

        CheckResult result = runner.run(new CheckDefinition("load", List.of(checkLoad.toString(), "-r",
                "-w", "1000,1000,1000", "-c", "2000,2000,2000"), Duration.ofSeconds(60), Duration.ofSeconds(10)));

        assertEquals(CheckStatus.OK, result.status(), result.text());
        assertTrue(result.text().startsWith("LOAD OK"), result.text());
        assertEquals(List.of("load1", "scaled_load1", "load5", "scaled_load5", "load15", "scaled_load15"),
                result.perfData().stream().map(PerfValue::label).toList());
        assertEquals(1000.0, result.perfData().get(1).warn());
    }

    /**
     * Whether the process still runs after up to two seconds (a kill is asynchronous). A zombie counts as dead: a
     * killed orphan stays one until the container's init gets round to reaping it, which is not the runner's job.
     */
    private static boolean aliveAfterWaiting(long pid) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            String stat;
            try {
                stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            } catch (IOException e) {
                return false; // gone and reaped
            }
            if (stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z")) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private Path script(String body) throws IOException {
        Path script = Files.createTempFile(dir, "check", ".sh");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        return script;
    }

    /**
     * Runs the script through /bin/sh rather than executing it: executing a file just written can fail with "text
     * file busy" when another test thread forks at that moment and its child briefly holds the file open.
     */
    private static CheckDefinition definition(Path script, Duration timeout) {
        return new CheckDefinition("test", List.of("/bin/sh", script.toString()), Duration.ofSeconds(60), timeout);
    }
}

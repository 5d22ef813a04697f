package io.vantage.checks.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ping check against a shell script standing in for ping (this lets every branch run on machines without
 * iputils), and against the real ping on 127.0.0.1 where one is installed.
 */
class PingCheckTest {

    @TempDir
    Path dir;

    @Test
    void without_a_ping_executable_the_check_is_unknown_and_says_what_to_install() {
        CheckOutcome outcome = run(new PingCheck("127.0.0.1", 1, Duration.ofSeconds(1),
                List.of(dir.resolve("no-ping"))));

        assertEquals(CheckStatus.UNKNOWN, outcome.status());
        assertTrue(outcome.message().contains("install iputils-ping"), outcome.message());
        assertEquals(Map.of(RemoteCheckMetrics.PING_UP, 0.0), outcome.metrics());
    }

    @Test
    void ping_runs_numeric_with_count_and_deadline_in_whole_seconds_and_the_c_locale() throws Exception {
        Path ping = fakePing(PingOutputParserTest.SUCCESS, 0);

        CheckOutcome outcome = run(new PingCheck("127.0.0.1", 3, Duration.ofMillis(2_500), List.of(ping)));

        assertEquals(List.of("-n", "-c", "3", "-W", "2", "-w", "2", "127.0.0.1"),
                Files.readAllLines(dir.resolve("args")));
        assertEquals(List.of("C"), Files.readAllLines(dir.resolve("locale")));
        assertEquals(CheckStatus.OK, outcome.status(), outcome.message());
        assertEquals("PING OK - 127.0.0.1: 0% packet loss, rtt avg 0.1 ms, max 0.1 ms", outcome.message());
        assertEquals(Map.of(RemoteCheckMetrics.PING_UP, 1.0, RemoteCheckMetrics.PING_LOSS_PCT, 0.0,
                RemoteCheckMetrics.PING_RTT_AVG_MS, 0.054, RemoteCheckMetrics.PING_RTT_MAX_MS, 0.061),
                outcome.metrics());
    }

    @Test
    void partial_loss_is_a_warning() throws Exception {
        CheckOutcome outcome = run(new PingCheck("10.0.0.7", 5, Duration.ofSeconds(5),
                List.of(fakePing(PingOutputParserTest.PARTIAL_LOSS, 0))));

        assertEquals(CheckStatus.WARNING, outcome.status(), outcome.message());
        assertEquals("PING WARNING - 10.0.0.7: 40% packet loss, rtt avg 1.9 ms, max 3.0 ms", outcome.message());
        assertEquals(1.0, outcome.metrics().get(RemoteCheckMetrics.PING_UP));
        assertEquals(40.0, outcome.metrics().get(RemoteCheckMetrics.PING_LOSS_PCT));
    }

    @Test
    void total_loss_is_critical_with_no_round_trip_metrics() throws Exception {
        CheckOutcome outcome = run(new PingCheck("10.255.255.1", 3, Duration.ofSeconds(3),
                List.of(fakePing(PingOutputParserTest.TOTAL_LOSS, 1))));

        assertEquals(CheckStatus.CRITICAL, outcome.status(), outcome.message());
        assertEquals("PING CRITICAL - 10.255.255.1: 100% packet loss", outcome.message());
        assertEquals(Map.of(RemoteCheckMetrics.PING_UP, 0.0, RemoteCheckMetrics.PING_LOSS_PCT, 100.0),
                outcome.metrics());
    }

    @Test
    void an_unknown_host_is_critical_with_ping_own_words() throws Exception {
        CheckOutcome outcome = run(new PingCheck("no-such-host.invalid", 1, Duration.ofSeconds(1),
                List.of(fakePing(PingOutputParserTest.UNKNOWN_HOST, 2))));

        assertEquals(CheckStatus.CRITICAL, outcome.status(), outcome.message());
        assertEquals("PING CRITICAL - ping: no-such-host.invalid: Name or service not known", outcome.message());
    }

    @Test
    void ping_refused_by_the_system_is_unknown_with_its_stderr_line() throws Exception {
        Path ping = fakePing(PingOutputParserTest.NOT_PERMITTED, 2, true);

        CheckOutcome outcome = run(new PingCheck("127.0.0.1", 1, Duration.ofSeconds(1), List.of(ping)));

        assertEquals(CheckStatus.UNKNOWN, outcome.status(), outcome.message());
        assertEquals("PING UNKNOWN - ping: socket: Operation not permitted", outcome.message());
        assertEquals(Map.of(RemoteCheckMetrics.PING_UP, 0.0), outcome.metrics());
    }

    @Test
    void a_ping_that_hangs_is_killed_soon_after_the_timeout() throws Exception {
        Path ping = script("echo $$ > \"" + dir.resolve("pid") + "\"\nexec sleep 30\n");
        Duration timeout = Duration.ofSeconds(1);

        CheckOutcome outcome = run(new PingCheck("127.0.0.1", 1, timeout, List.of(ping)));

        assertEquals(CheckStatus.UNKNOWN, outcome.status(), outcome.message());
        assertTrue(outcome.message().contains("did not finish"), outcome.message());
        assertTrue(outcome.took().compareTo(timeout.plus(PingCheck.KILL_GRACE).plus(TcpConnectCheckTest.MARGIN)) <= 0,
                "took " + outcome.took());
        long pid = Long.parseLong(Files.readString(dir.resolve("pid")).trim());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "ping " + pid + " still runs");
    }

    @Test
    void the_real_ping_answers_for_loopback_where_installed() {
        assumeTrue(PingCheck.EXECUTABLES.stream().anyMatch(Files::isExecutable),
                "no ping executable in " + PingCheck.EXECUTABLES + " on this machine");

        CheckOutcome outcome = new PingCheck("127.0.0.1", 2, Duration.ofSeconds(3)).run();

        assumeFalse(outcome.status() == CheckStatus.UNKNOWN, "ping may not run here: " + outcome.message());
        assertEquals(CheckStatus.OK, outcome.status(), outcome.message());
        assertEquals(0.0, outcome.metrics().get(RemoteCheckMetrics.PING_LOSS_PCT));
        assertTrue(outcome.metrics().containsKey(RemoteCheckMetrics.PING_RTT_AVG_MS), outcome.metrics().toString());
    }

    @Test
    void the_constructor_refuses_option_like_hosts_bad_counts_and_sub_second_timeouts() {
        assertThrows(InvalidCheckSpecException.class, () -> new PingCheck("-f", 1, Duration.ofSeconds(1)));
        assertEquals("count must be 1-100, got 0", assertThrows(InvalidCheckSpecException.class,
                () -> new PingCheck("db1", 0, Duration.ofSeconds(1))).getMessage());
        assertThrows(InvalidCheckSpecException.class, () -> new PingCheck("db1", 1, Duration.ofMillis(500)));
    }

    /**
     * Runs a check whose ping is a script written just before. A process forked meanwhile by another test thread can
     * hold the script open for writing for an instant, and exec then fails with ETXTBSY: that is retried once.
     */
    private static CheckOutcome run(PingCheck check) {
        CheckOutcome outcome = check.run();
        return outcome.message().contains("Text file busy") ? check.run() : outcome;
    }

    private Path fakePing(String output, int exitCode) throws Exception {
        return fakePing(output, exitCode, false);
    }

    /** A script that records its arguments and locale, prints the output (to stderr if asked) and exits. */
    private Path fakePing(String output, int exitCode, boolean toStderr) throws Exception {
        Files.writeString(dir.resolve("output"), output);
        return script("printf '%s\\n' \"$@\" > \"" + dir.resolve("args") + "\"\n"
                + "echo \"$LC_ALL\" > \"" + dir.resolve("locale") + "\"\n"
                + "cat \"" + dir.resolve("output") + "\"" + (toStderr ? " >&2" : "") + "\n"
                + "exit " + exitCode + "\n");
    }

    private Path script(String body) throws Exception {
        Path script = dir.resolve("ping");
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }
}

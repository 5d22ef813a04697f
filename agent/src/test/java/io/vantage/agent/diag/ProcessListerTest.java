package io.vantage.agent.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.protocol.ProcessEntry;
import io.vantage.protocol.ProcessTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessListerTest {

    @TempDir
    Path dir;

    private FakeProc proc;

    @BeforeEach
    void machine() throws Exception {
        proc = new FakeProc(dir)
                .process(1, "systemd", 500, 1, 12_000, 0, "/sbin/init", "splash")
                .process(4242, "nginx", 1_000, 900, 48_000, 33, "nginx: worker process")
                .process(981, "postgres", 2_000, 800, 512_000, 1000, "postgres", "-D", "/var/lib/postgresql")
                .kernelThread(2, "kthreadd", 10);
    }

    @Test
    void the_first_listing_measures_cpu_over_half_a_second_of_its_own() throws Exception {
        ProcessTable table = proc.lister(() -> proc.ticks(4242, 1_040).ticks(981, 2_010)).list(10, false);

        assertEquals(500, table.cpuIntervalMillis());
        assertEquals(4, table.totalProcesses());
        assertEquals(1_767_225_600_000L, table.takenAtMillis());
        // 40 ticks of USER_HZ 100 in 0.5 s: 0.4 s of CPU in 0.5 s
        assertEquals(List.of(4242L, 981L, 1L, 2L), pids(table));
        assertEquals(80.0, table.entries().get(0).cpuPercent(), 1e-9);
        assertEquals(20.0, table.entries().get(1).cpuPercent(), 1e-9);
        assertEquals(0.0, table.entries().get(2).cpuPercent(), 1e-9);
    }

    @Test
    void a_listing_soon_after_the_previous_one_covers_the_time_since_it_without_waiting() throws Exception {
        int[] waits = {0};
        ProcessLister lister = proc.lister(() -> waits[0]++);
        lister.list(10, false);
        proc.nanos += TimeUnit.SECONDS.toNanos(3);
        proc.ticks(981, 2_300); // three seconds at one full core

        ProcessTable table = lister.list(10, false);

        assertEquals(1, waits[0], "only the first listing waited");
        assertEquals(3_000, table.cpuIntervalMillis());
        assertEquals(981L, table.entries().get(0).pid());
        assertEquals(100.0, table.entries().get(0).cpuPercent(), 1e-9);
    }

    @Test
    void a_listing_right_after_another_waits_out_the_half_second() throws Exception {
        ProcessLister lister = proc.lister(() -> { });
        lister.list(10, false);
        proc.nanos += TimeUnit.MILLISECONDS.toNanos(100);

        assertEquals(500, lister.list(10, false).cpuIntervalMillis());
    }

    @Test
    void a_previous_listing_over_a_minute_old_is_not_used() throws Exception {
        ProcessLister lister = proc.lister(() -> { });
        lister.list(10, false);
        proc.nanos += TimeUnit.SECONDS.toNanos(61);
        proc.ticks(981, 9_000);

        ProcessTable table = lister.list(10, false);

        assertEquals(500, table.cpuIntervalMillis());
        assertEquals(0.0, table.entries().get(0).cpuPercent(), 1e-9, "the old busy spell is not in the new reading");
    }

    @Test
    void a_reused_pid_counts_the_new_process_from_its_start() throws Exception {
        ProcessLister lister = proc.lister(() -> { });
        lister.list(10, false);
        proc.exit(4242).process(4242, "bash", 25, 5_000, 4_000, 1000, "bash");
        proc.nanos += TimeUnit.SECONDS.toNanos(1);

        ProcessTable table = lister.list(10, false);

        assertEquals(4242L, table.entries().get(0).pid());
        assertEquals(25.0, table.entries().get(0).cpuPercent(), 1e-9);
        assertEquals("bash", table.entries().get(0).command());
    }

    @Test
    void sorting_by_memory_lists_the_largest_resident_sets_first_and_the_limit_cuts_the_rest() throws Exception {
        ProcessTable table = proc.lister(() -> { }).list(2, true);

        assertEquals(List.of(981L, 4242L), pids(table));
        assertEquals(512_000L * 1024, table.entries().get(0).residentBytes());
        assertEquals(4, table.totalProcesses(), "the total counts what was not listed too");
    }

    @Test
    void users_commands_and_kernel_threads_read_as_top_shows_them() throws Exception {
        proc.process(5000, "ghost", 0, 6_000, 100, 4321, "ghost");
        List<ProcessEntry> entries = proc.lister(() -> { }).list(10, true).entries();

        ProcessEntry postgres = entry(entries, 981);
        assertEquals("alice", postgres.user(), "the effective uid, named by /etc/passwd");
        assertEquals("postgres -D /var/lib/postgresql", postgres.command());
        assertEquals("www-data", entry(entries, 4242).user());
        assertEquals("4321", entry(entries, 5000).user(), "a uid without a name shows as digits");
        ProcessEntry kthreadd = entry(entries, 2);
        assertEquals("[kthreadd]", kthreadd.command());
        assertEquals("root", kthreadd.user());
        assertEquals(0, kthreadd.residentBytes());
    }

    @Test
    void names_with_spaces_and_parentheses_and_long_command_lines_are_read_whole_then_cut() throws Exception {
        String[] argv = new String[300];
        for (int i = 0; i < argv.length; i++) {
            argv[i] = "-Dvantage.option" + i + "=é";
        }
        proc.process(77, "weird) (name", 50_000, 10, 1_000, 0, argv).kernelThread(78, "kworker/0:1 (x)", 0);
        List<ProcessEntry> entries = proc.lister(() -> { }).list(10, false).entries();

        ProcessEntry weird = entry(entries, 77);
        int bytes = weird.command().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes <= ProcessEntry.MAX_COMMAND_BYTES && bytes > ProcessEntry.MAX_COMMAND_BYTES - 3,
                "cut near the limit: " + bytes);
        assertTrue(weird.command().startsWith("-Dvantage.option0=é -Dvantage.option1=é"));
        assertEquals("[kworker/0:1 (x)]", entry(entries, 78).command());
    }

    @Test
    void secrets_on_a_command_line_do_not_leave_the_machine() throws Exception {
        proc.process(300, "java", 1, 10, 1_000, 0, "java", "-jar", "vantage-agent.jar", "--agent-key", "vk_s3cret",
                "--db-password=hunter2");
        String command = entry(proc.lister(() -> { }).list(10, false).entries(), 300).command();

        assertEquals("java -jar vantage-agent.jar --agent-key *** --db-password=***", command);
    }

    @Test
    void a_process_that_exits_between_the_readings_is_left_out() throws Exception {
        ProcessTable table = proc.lister(() -> proc.exit(4242)).list(10, false);

        assertEquals(List.of(981L, 1L, 2L), pids(table));
        assertEquals(3, table.totalProcesses());
    }

    private static List<Long> pids(ProcessTable table) {
        return table.entries().stream().map(ProcessEntry::pid).toList();
    }

    private static ProcessEntry entry(List<ProcessEntry> entries, long pid) {
        return entries.stream().filter(e -> e.pid() == pid).findFirst()
                .orElseThrow(() -> new AssertionError("no process " + pid + " in " + entries));
    }
}

package io.vantage.agent.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DfInodeReaderTest {

    private static final String TAB_MOUNT = "/tmp/dfx/tab\tx";
    private static final String NEWLINE_MOUNT = "/tmp/dfx/nl\nx";

    /**
     * {@code LC_ALL=C df -P -i} of GNU coreutils 9.1 on Debian 12, captured with an ext4 image mounted at
     * {@code /tmp/dfx/my data}, a tmpfs with a 102-character device name, one without an inode limit (which df shows
     * as {@code 0 0 0 -}, as it shows btrfs) at a mount point holding a tab, one at a mount point holding a newline
     * and one at {@code /tmp/dfx/café}.
     */
    @Test
    void each_mount_point_asked_about_gets_its_counts_from_captured_coreutils_output() throws IOException {
        Map<String, Inodes> counts = DfInodeReader.parse(Fixtures.text("df/debian12-coreutils-9.1"), List.of("/",
                "/tmp/dfx/my data", "/tmp/dfx/long", TAB_MOUNT, NEWLINE_MOUNT, "/tmp/dfx/café"));

        assertEquals(new Inodes(16777216, 458267, 16318949), counts.get("/"));
        assertEquals(new Inodes(2048, 11, 2037), counts.get("/tmp/dfx/my data"));
        assertEquals(new Inodes(3085511, 1, 3085510), counts.get("/tmp/dfx/long"));
        assertEquals(new Inodes(3085511, 1, 3085510), counts.get("/tmp/dfx/café"));
        assertEquals(5, counts.size());
    }

    @Test
    void a_control_character_in_a_mount_point_matches_the_question_mark_df_prints_for_it() throws IOException {
        Map<String, Inodes> counts = DfInodeReader.parse(Fixtures.text("df/debian12-coreutils-9.1"),
                List.of(NEWLINE_MOUNT));

        assertEquals(Map.of(NEWLINE_MOUNT, new Inodes(3085511, 1, 3085510)), counts);
    }

    @Test
    void a_device_name_longer_than_its_column_stays_on_its_line_in_posix_output() throws IOException {
        String line = Fixtures.text("df/debian12-coreutils-9.1").lines()
                .filter(text -> text.endsWith(" /tmp/dfx/long")).findFirst().orElseThrow();

        assertTrue(line.startsWith("server-with-a-very-long-name.storage.example.com:"), line);
        assertEquals(Map.of("/tmp/dfx/long", new Inodes(3085511, 1, 3085510)),
                DfInodeReader.parse(line, List.of("/tmp/dfx/long")));
    }

    /** As df without -P, and busybox's, print a device name too long for the column: alone on its line. */
    @Test
    void a_wrapped_device_name_is_read_together_with_the_numbers_on_the_next_line() throws IOException {
        Map<String, Inodes> counts = DfInodeReader.parse(Fixtures.text("df/wrapped"), List.of("/", "/boot"));

        assertEquals(Map.of("/", new Inodes(655360, 12000, 643360), "/boot", new Inodes(65536, 310, 65226)),
                counts);
    }

    /** {@code -} as df prints counts statfs does not give (some FUSE filesystems), 0 as it prints btrfs's. */
    @Test
    void filesystems_that_report_no_inode_counts_are_left_out_rather_than_given_zeros() throws IOException {
        Map<String, Inodes> counts = DfInodeReader.parse(Fixtures.text("df/unknown-counts"),
                List.of("/", "/mnt/backup", "/srv/btrfs"));

        assertEquals(Map.of("/", new Inodes(655360, 12000, 643360)), counts);
    }

    @Test
    void a_mount_point_with_blanks_is_matched_whole_and_not_by_the_shorter_mount_point_it_ends_with() {
        String output = "Filesystem Inodes IUsed IFree IUse% Mounted on\n"
                + "/dev/sdb1 1000 10 990 1% /srv/my /data\n"
                + "/dev/sdc1 2000 20 1980 1% /data\n"
                + "my 3000 30 2970 1% disk 4000 40 3960 1% /srv/odd\n";

        Map<String, Inodes> counts = DfInodeReader.parse(output, List.of("/data", "/srv/my /data", "/srv/odd"));

        assertEquals(new Inodes(1000, 10, 990), counts.get("/srv/my /data"));
        assertEquals(new Inodes(2000, 20, 1980), counts.get("/data"));
        assertEquals(new Inodes(4000, 40, 3960), counts.get("/srv/odd"), "a device name that looks like numbers");
    }

    @Test
    void error_lines_and_lines_for_mount_points_not_asked_about_are_ignored() {
        String output = "df: /gone: No such file or directory\n"
                + "Filesystem Inodes IUsed IFree IUse% Mounted on\n"
                + "/dev/sda1 1000 10 990 1% /\n"
                + "/dev/sda2 1000 10 990 1% /other\n";

        assertEquals(Map.of("/", new Inodes(1000, 10, 990)), DfInodeReader.parse(output, List.of("/", "/gone")));
    }

    @Test
    void the_real_df_counts_the_inodes_of_this_machines_filesystems() throws IOException {
        List<String> mountPoints = new ArrayList<>();
        for (Mount mount : MountTable.read(Path.of("/proc/self/mounts"))) {
            if (!mount.isRemote() && Files.isReadable(Path.of(mount.mountPoint()))) {
                mountPoints.add(mount.mountPoint());
            }
        }
        assumeTrue(!mountPoints.isEmpty(), "no disk filesystem is mounted here");

        Map<String, Inodes> counts = new DfInodeReader().read(mountPoints);

        for (Map.Entry<String, Inodes> count : counts.entrySet()) {
            Inodes inodes = count.getValue();
            assertTrue(mountPoints.contains(count.getKey()), count.getKey());
            assertTrue(inodes.total() > 0 && inodes.used() + inodes.free() == inodes.total(), count.toString());
        }
        assumeTrue(mountPoints.contains("/") && !counts.isEmpty(), "the root filesystem has no fixed inode count");
        assertTrue(counts.containsKey("/"), counts.toString());
    }

    @Test
    void df_runs_in_the_c_locale() throws IOException {
        // prints one df line whose mount point is the value of LC_ALL
        DfInodeReader reader = new DfInodeReader(List.of("sh", "-c",
                "printf 'Filesystem Inodes IUsed IFree IUse%% Mounted on\\nd 10 1 9 10%% %s\\n' \"$LC_ALL\"", "sh"),
                5_000);

        assertEquals(Map.of("C", new Inodes(10, 1, 9)), reader.read(List.of("C")));
    }

    @Test
    void a_df_that_does_not_finish_in_time_is_killed_and_gives_no_counts() throws Exception {
        DfInodeReader reader = new DfInodeReader(List.of("sh", "-c", "sleep 37", "sh"), 200);

        long start = System.nanoTime();
        IOException error = assertThrows(IOException.class, () -> reader.read(List.of("/mnt/hung")));

        assertTrue(error.getMessage().contains("did not finish within 200 ms"), error.getMessage());
        assertTrue(System.nanoTime() - start < 3_000_000_000L, "the caller was held up");
        TimedCommandTest.assertNoChildLeft("sleep", "37");
    }

    @Test
    void a_df_that_fails_for_every_mount_point_fails_with_its_message() {
        IOException error = assertThrows(IOException.class,
                () -> new DfInodeReader().read(List.of("/no/such/mount/point")));

        assertTrue(error.getMessage().contains("No such file or directory"), error.getMessage());
    }

    @Test
    void no_mount_points_need_no_df() throws IOException {
        assertTrue(new DfInodeReader(List.of("/no/such/df"), 200).read(List.of()).isEmpty());
    }
}

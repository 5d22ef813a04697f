package io.vantage.agent.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.protocol.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemCollectorTest {

    /** 1000 bytes, 300 free of which 200 available to users. */
    private static final Space SPACE = new Space(1000, 300, 200);

    @TempDir
    Path dir;

    private Path mounts;
    private final List<String> remoteReads = new ArrayList<>();

    @BeforeEach
    void mountTable() throws IOException {
        mounts = dir.resolve("mounts");
        Fixtures.copy("mounts", mounts);
    }

    @Test
    void each_reported_filesystem_gets_sizes_under_its_sanitised_mount_point() throws IOException {
        Map<String, Double> fs = collect(mount -> SPACE);

        Set<String> mountSegments = new TreeSet<>();
        fs.keySet().forEach(name -> mountSegments.add(name.substring(3, name.lastIndexOf('.'))));
        assertEquals(Set.of("root", "boot_efi", "var_log", "srv_my_data", "home"), mountSegments);
        assertEquals(5 * 4, fs.size());
    }

    @Test
    void used_is_total_minus_free_and_the_percentage_leaves_reserved_blocks_out_as_df_does() throws IOException {
        Map<String, Double> fs = collect(mount -> SPACE);

        assertEquals(1000.0, fs.get("fs.var_log.total_bytes"));
        assertEquals(700.0, fs.get("fs.var_log.used_bytes"));
        assertEquals(200.0, fs.get("fs.var_log.available_bytes"));
        assertEquals(700 * 100.0 / 900, fs.get("fs.var_log.used_percent"), 1e-9);
    }

    @Test
    void network_filesystems_are_read_through_the_reader_that_can_give_up_on_them() throws IOException {
        collect(mount -> SPACE);

        assertEquals(List.of("/home"), remoteReads);
    }

    @Test
    void a_filesystem_that_cannot_be_measured_costs_only_its_own_metrics() throws IOException {
        Map<String, Double> fs = collect(mount -> {
            if (mount.mountPoint().equals("/var/log")) {
                throw new IOException("permission denied");
            }
            return SPACE;
        });

        assertEquals(4 * 4, fs.size());
        assertEquals(1000.0, fs.get("fs.root.total_bytes"));
    }

    @Test
    void the_file_store_reader_measures_a_real_filesystem() throws IOException {
        Space space = new FileStoreSpaceReader().read(new Mount("test", dir.toString(), "ext4"));

        assertTrue(space.total() > 0 && space.free() <= space.total()
                && space.available() <= space.free(), space.toString());
    }

    @Test
    void inode_counts_come_under_the_mount_points_names_with_the_share_of_inodes_used() throws IOException {
        FilesystemCollector collector = new FilesystemCollector(mounts, mount -> SPACE, mount -> SPACE,
                mountPoints -> Map.of("/var/log", new Inodes(1000, 250, 750)), 6);

        Map<String, Double> fs = Fixtures.byName(collect(collector, 1_000L));

        assertEquals(1000.0, fs.get("fs.var_log.inodes_total"));
        assertEquals(250.0, fs.get("fs.var_log.inodes_used"));
        assertEquals(750.0, fs.get("fs.var_log.inodes_free"));
        assertEquals(25.0, fs.get("fs.var_log.inodes_used_percent"));
        assertEquals(5 * 4 + 4, fs.size(), "filesystems df gives no counts for have no inode metrics");
    }

    @Test
    void inodes_are_counted_at_the_first_tick_and_then_every_so_many_ticks_and_not_repeated_between()
            throws IOException {
        List<List<String>> asked = new ArrayList<>();
        FilesystemCollector collector = new FilesystemCollector(mounts, mount -> SPACE, mount -> SPACE,
                mountPoints -> {
                    asked.add(mountPoints);
                    return Map.of("/", new Inodes(1000, 250, 750));
                }, 3);

        List<Long> inodeTicks = new ArrayList<>();
        for (long tick = 1; tick <= 7; tick++) {
            if (collect(collector, tick).stream().anyMatch(sample -> sample.metric().contains(".inodes_"))) {
                inodeTicks.add(tick);
            }
        }

        assertEquals(List.of(1L, 4L, 7L), inodeTicks);
        assertEquals(3, asked.size());
    }

    @Test
    void a_filesystem_that_did_not_answer_statfs_is_not_handed_to_df() throws IOException {
        List<String> asked = new ArrayList<>();
        FilesystemCollector collector = new FilesystemCollector(mounts, mount -> SPACE, mount -> {
            throw new IOException("statfs did not answer within 1000 ms");
        }, mountPoints -> {
            asked.addAll(mountPoints);
            return Map.of();
        }, 6);

        collect(collector, 1_000L);

        assertEquals(List.of("/", "/boot/efi", "/var/log", "/srv/my data"), asked);
    }

    @Test
    void a_failing_df_costs_only_the_inode_counts() throws IOException {
        FilesystemCollector collector = new FilesystemCollector(mounts, mount -> SPACE, mount -> SPACE,
                mountPoints -> {
                    throw new IOException("df did not finish within 2000 ms and was killed");
                }, 6);

        Map<String, Double> fs = Fixtures.byName(collect(collector, 1_000L));

        assertEquals(5 * 4, fs.size());
        assertEquals(1000.0, fs.get("fs.root.total_bytes"));
    }

    @Test
    void an_inode_interval_of_zero_never_runs_df() throws IOException {
        FilesystemCollector collector = new FilesystemCollector(mounts, mount -> SPACE, mount -> SPACE,
                mountPoints -> {
                    throw new AssertionError("df ran");
                }, 0);

        assertEquals(5 * 4, collect(collector, 1_000L).size());
    }

    private static List<Sample> collect(FilesystemCollector collector, long timestampMillis) throws IOException {
        List<Sample> samples = new ArrayList<>();
        collector.collect(timestampMillis, samples);
        return samples;
    }

    private Map<String, Double> collect(Space.Reader local) throws IOException {
        Space.Reader remote = mount -> {
            remoteReads.add(mount.mountPoint());
            return SPACE;
        };
        List<Sample> samples = new ArrayList<>();
        new FilesystemCollector(mounts, local, remote).collect(1_000L, samples);
        return Fixtures.byName(samples);
    }
}

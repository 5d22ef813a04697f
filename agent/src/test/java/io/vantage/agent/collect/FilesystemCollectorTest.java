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

package io.vantage.agent.spool;

import static io.vantage.agent.spool.Batches.batch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.protocol.CheckRun;
import io.vantage.protocol.Sample;
import io.vantage.protocol.SampleBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSpoolTest {

    private static final long ONE_MB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void batches_survive_closing_and_reopening_the_spool() throws IOException {
        try (DiskSpool spool = DiskSpool.open(dir, ONE_MB)) {
            spool.append(batch(7));
            spool.append(batch(8));
            spool.append(batch(9));
            spool.remove(8);
        }

        try (DiskSpool reopened = DiskSpool.open(dir, ONE_MB)) {
            assertEquals(2, reopened.size());
            assertEquals(7, reopened.nextAfter(0));
            assertEquals(9, reopened.nextAfter(7));
            assertEquals(batch(9), reopened.read(9));
            assertEquals(9, reopened.lastSequence());
        }
    }

    @Test
    void a_batch_with_check_runs_comes_back_from_its_file_with_the_runs_and_their_texts() throws IOException {
        SampleBatch withChecks = new SampleBatch(5, List.of(new Sample("check.disk.status", 1_700_000_000_000L, 2)),
                List.of(new CheckRun("disk", 2, "DISK CRITICAL - free space: / 12 MB (1%)", 1_700_000_000_000L, 40)));
        try (DiskSpool spool = DiskSpool.open(dir, ONE_MB)) {
            spool.append(withChecks);
        }

        try (DiskSpool reopened = DiskSpool.open(dir, ONE_MB)) {
            assertEquals(withChecks, reopened.read(5));
        }
    }

    @Test
    void there_is_one_file_per_batch_and_an_acknowledged_batch_leaves_no_file() throws IOException {
        try (DiskSpool spool = DiskSpool.open(dir, ONE_MB)) {
            spool.append(batch(1));
            spool.append(batch(2));
            assertEquals(2, batchFiles().size());

            spool.remove(1);

            assertEquals(List.of("batch-0000000000000000002.frame"), batchFiles());
        }
    }

    @Test
    void leftover_temporary_files_of_an_interrupted_write_are_deleted_at_start() throws IOException {
        Files.write(dir.resolve("batch-0000000000000000003.frame.tmp"), new byte[] {0, 0});

        try (DiskSpool spool = DiskSpool.open(dir, ONE_MB)) {
            assertEquals(0, spool.size());
        }
        assertFalse(Files.exists(dir.resolve("batch-0000000000000000003.frame.tmp")));
    }

    @Test
    void an_unreadable_batch_file_is_deleted_and_skipped() throws IOException {
        try (DiskSpool spool = DiskSpool.open(dir, ONE_MB)) {
            spool.append(batch(1));
            spool.append(batch(2));
        }
        Files.write(dir.resolve("batch-0000000000000000001.frame"), new byte[] {0, 0, 0, 9, 3});

        try (DiskSpool spool = DiskSpool.open(dir, ONE_MB)) {
            assertNull(spool.read(1));
            assertEquals(2, spool.nextAfter(0));
            assertEquals(List.of("batch-0000000000000000002.frame"), batchFiles());
        }
    }

    @Test
    void the_batch_appended_last_is_read_from_memory_without_reading_its_file_back() throws IOException {
        try (DiskSpool spool = DiskSpool.open(dir, ONE_MB)) {
            spool.append(batch(1));
            spool.append(batch(2));
            Files.write(dir.resolve("batch-0000000000000000002.frame"), new byte[] {0, 0, 0, 9, 3});

            assertEquals(batch(2), spool.read(2));
            assertTrue(spool.remove(2));
            assertNull(spool.read(2));
            assertEquals(batch(1), spool.read(1));
        }
    }

    @Test
    void a_spool_over_its_size_drops_the_oldest_batches_and_counts_them() throws IOException {
        // each small file counts as a 4 KiB block, so 8 KiB hold two batches
        try (DiskSpool spool = DiskSpool.open(dir, 8 * 1024)) {
            for (long sequence = 1; sequence <= 5; sequence++) {
                spool.append(batch(sequence));
            }

            assertEquals(2, spool.size());
            assertEquals(4, spool.nextAfter(0));
            assertEquals(3, spool.droppedCount());
            assertEquals(2, batchFiles().size());
        }
    }

    @Test
    void a_second_agent_cannot_open_a_spool_directory_in_use() throws IOException {
        try (DiskSpool first = DiskSpool.open(dir, ONE_MB)) {
            IOException error = assertThrows(IOException.class, () -> DiskSpool.open(dir, ONE_MB));
            assertTrue(error.getMessage().contains("in use"), error.getMessage());
        }
        DiskSpool.open(dir, ONE_MB).close();
    }

    @Test
    void the_directory_is_created_when_missing() throws IOException {
        Path nested = dir.resolve("a/b/spool");

        try (DiskSpool spool = DiskSpool.open(nested, ONE_MB)) {
            spool.append(batch(1));
        }

        assertTrue(Files.isDirectory(nested));
    }

    private List<String> batchFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith("batch-"))
                    .sorted().collect(Collectors.toList());
        }
    }
}

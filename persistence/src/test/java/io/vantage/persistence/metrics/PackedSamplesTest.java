package io.vantage.persistence.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PackedSamplesTest {

    record Unpacked(String metric, long epochMillis, double value) {
    }

    private static List<Unpacked> unpack(byte[] blob, String only) {
        List<Unpacked> out = new ArrayList<>();
        PackedSamples.unpack(blob, only, (m, t, v) -> out.add(new Unpacked(m, t, v)));
        return out;
    }

    @Test
    void every_sample_comes_back_grouped_by_series_in_time_order() {
        byte[] blob = PackedSamples.packAll(new String[] {"cpu.user", "mem.used", "cpu.user", "cpu.user"},
                new long[] {2_000, 1_500, 1_000, 3_000}, new double[] {2.5, 1024, 1.5, -3.25});

        assertEquals(List.of(new Unpacked("cpu.user", 1_000, 1.5), new Unpacked("cpu.user", 2_000, 2.5),
                new Unpacked("cpu.user", 3_000, -3.25), new Unpacked("mem.used", 1_500, 1024)), unpack(blob, null));
    }

    @Test
    void a_reader_asking_for_one_series_gets_only_that_series() {
        byte[] blob = PackedSamples.packAll(new String[] {"a", "b", "bb", "b"}, new long[] {1, 2, 3, 4},
                new double[] {1, 2, 3, 4});

        assertEquals(List.of(new Unpacked("b", 2, 2), new Unpacked("b", 4, 4)), unpack(blob, "b"));
        assertEquals(List.of(), unpack(blob, "missing"));
    }

    @Test
    void the_same_sample_twice_is_kept_once_with_the_later_value() {
        byte[] blob = PackedSamples.packAll(new String[] {"x", "x", "x"}, new long[] {5, 5, 6},
                new double[] {1, 2, 3});

        assertEquals(List.of(new Unpacked("x", 5, 2), new Unpacked("x", 6, 3)), unpack(blob, null));
    }

    @Test
    void only_the_chosen_indexes_are_packed() {
        byte[] blob = PackedSamples.pack(new String[] {"a", "b", "c"}, new long[] {1, 2, 3}, new double[] {1, 2, 3},
                new int[] {2, 0});

        assertEquals(List.of(new Unpacked("a", 1, 1), new Unpacked("c", 3, 3)), unpack(blob, null));
    }

    @Test
    void random_batches_survive_the_round_trip_bit_for_bit() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int size = 1 + random.nextInt(600);
            String[] metrics = new String[size];
            long[] timestamps = new long[size];
            double[] values = new double[size];
            long base = random.nextLong() / 4;
            for (int i = 0; i < size; i++) {
                metrics[i] = "m" + random.nextInt(40) + (random.nextBoolean() ? ".é" : "");
                timestamps[i] = base + (long) i * 10_000 * (random.nextBoolean() ? 1 : -1);
                values[i] = random.nextInt(5) == 0 ? Double.MIN_VALUE * random.nextInt() : random.nextGaussian() * 1e9;
            }
            List<Unpacked> back = unpack(PackedSamples.packAll(metrics, timestamps, values), null);

            assertEquals(size, back.size());
            List<Unpacked> expected = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                expected.add(new Unpacked(metrics[i], timestamps[i], values[i]));
            }
            expected.sort((a, b) -> a.metric().equals(b.metric()) ? Long.compare(a.epochMillis(), b.epochMillis())
                    : a.metric().compareTo(b.metric()));
            assertEquals(expected, back);
        }
    }

    @Test
    void a_regular_sample_packs_into_about_twelve_bytes_names_included() {
        int size = 500;
        String[] metrics = new String[size];
        long[] timestamps = new long[size];
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            metrics[i] = "node.cpu.core" + (i % 20) + ".user";
            timestamps[i] = 1_800_000_000_000L + (i / 20) * 10_000L;
            values[i] = i;
        }
        int bytes = PackedSamples.packAll(metrics, timestamps, values).length;

        // 8 bytes of value, 2 of time delta, the names once per series
        assertTrue(bytes <= size * 13, "packed " + size + " samples into " + bytes + " bytes");
    }

    @Test
    void corrupt_or_truncated_blobs_are_refused_without_allocating_what_they_announce() {
        byte[] blob = PackedSamples.packAll(new String[] {"a", "b"}, new long[] {1, 2}, new double[] {1, 2});
        for (int cut = 0; cut < blob.length; cut++) {
            byte[] truncated = Arrays.copyOf(blob, cut);
            assertThrows(IllegalArgumentException.class, () -> unpack(truncated, null), "cut at " + cut);
        }
        byte[] huge = {1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F};
        assertThrows(IllegalArgumentException.class, () -> unpack(huge, null));
        byte[] otherVersion = blob.clone();
        otherVersion[0] = 9;
        assertThrows(IllegalArgumentException.class, () -> unpack(otherVersion, null));
        byte[] trailing = Arrays.copyOf(blob, blob.length + 1);
        assertThrows(IllegalArgumentException.class, () -> unpack(trailing, null));
        assertArrayEquals(blob, PackedSamples.packAll(new String[] {"b", "a"}, new long[] {2, 1}, new double[] {2, 1}));
    }
}

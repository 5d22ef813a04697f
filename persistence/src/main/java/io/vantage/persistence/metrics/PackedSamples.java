package io.vantage.persistence.metrics;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Samples packed by series into one blob: what a row of the sample log (one batch's samples of one hour) and a series
 * block (one series' hour) hold. Storing a batch as one value rather than a row per sample is what lets one Cassandra
 * node keep up with hundreds of thousands of samples a second: Cassandra's cost is per row, not per byte.
 *
 * <p>Format, version 1: {@code u8} version; varint series count; per series: varint name length, the name's UTF-8
 * bytes, varint sample count, varint payload length, then the payload: the first timestamp (epoch milliseconds, zigzag
 * varint), each following timestamp as a zigzag varint delta from the previous, then each value as 8 bytes (IEEE 754,
 * big-endian). Within a series samples are in timestamp order and no timestamp repeats; the payload length lets a
 * reader skip a series it does not want without decoding it.
 */
public final class PackedSamples {

    static final int FORMAT_VERSION = 1;

    /** Told each unpacked sample. */
    @FunctionalInterface
    public interface SampleSink {
        void sample(String metric, long epochMillis, double value);
    }

    private PackedSamples() {
    }

    /**
     * Packs the samples at {@code indexes} of the columns. Two samples of one series with the same timestamp keep the
     * later index's value, as two writes of the same sample would.
     */
    public static byte[] pack(String[] metrics, long[] timestamps, double[] values, int[] indexes) {
        Integer[] order = new Integer[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            order[i] = i;
        }
        // by series, then time, then arrival: the last of equal timestamps is the one kept
        Arrays.sort(order, (a, b) -> {
            int byName = metrics[indexes[a]].compareTo(metrics[indexes[b]]);
            if (byName != 0) {
                return byName;
            }
            int byTime = Long.compare(timestamps[indexes[a]], timestamps[indexes[b]]);
            return byTime != 0 ? byTime : Integer.compare(a, b);
        });
        VarintWriter out = new VarintWriter(16 + indexes.length * 14);
        out.writeByte(FORMAT_VERSION);
        out.writeVarint(countSeries(metrics, indexes, order));
        VarintWriter payload = new VarintWriter(64);
        int start = 0;
        while (start < order.length) {
            String metric = metrics[indexes[order[start]]];
            int end = start;
            while (end < order.length && metrics[indexes[order[end]]].equals(metric)) {
                end++;
            }
            payload.reset();
            int count = 0;
            long previous = 0;
            long[] kept = new long[end - start];
            for (int k = start; k < end; k++) {
                int i = indexes[order[k]];
                boolean lastOfTimestamp = k + 1 == end || timestamps[indexes[order[k + 1]]] != timestamps[i];
                if (lastOfTimestamp) {
                    payload.writeZigzag(count == 0 ? timestamps[i] : timestamps[i] - previous);
                    previous = timestamps[i];
                    kept[count++] = Double.doubleToLongBits(values[i]);
                }
            }
            for (int k = 0; k < count; k++) {
                payload.writeLong(kept[k]);
            }
            byte[] name = metric.getBytes(StandardCharsets.UTF_8);
            out.writeVarint(name.length);
            out.writeBytes(name, name.length);
            out.writeVarint(count);
            out.writeVarint(payload.size());
            out.writeBytes(payload.buffer(), payload.size());
            start = end;
        }
        return out.toByteArray();
    }

    /** Packs every sample of the columns. */
    public static byte[] packAll(String[] metrics, long[] timestamps, double[] values) {
        int[] all = new int[metrics.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return pack(metrics, timestamps, values, all);
    }

    /**
     * Tells {@code sink} each sample of the blob, series by series, each series in timestamp order.
     *
     * @param onlyMetric the one series wanted (the others are skipped undecoded), or null for all
     * @throws IllegalArgumentException when the blob is not packed samples of a version this code reads
     */
    public static void unpack(byte[] blob, String onlyMetric, SampleSink sink) {
        byte[] wanted = onlyMetric == null ? null : onlyMetric.getBytes(StandardCharsets.UTF_8);
        VarintReader in = new VarintReader(blob);
        int version = in.readByte();
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("unknown packed samples format " + version);
        }
        int series = in.readCount();
        for (int s = 0; s < series; s++) {
            int nameLength = in.readCount();
            int nameAt = in.skip(nameLength);
            int count = in.readCount();
            int payloadLength = in.readCount();
            int payloadAt = in.skip(payloadLength);
            if (wanted != null && !Arrays.equals(blob, nameAt, nameAt + nameLength, wanted, 0, wanted.length)) {
                continue;
            }
            String metric = onlyMetric != null ? onlyMetric
                    : new String(blob, nameAt, nameLength, StandardCharsets.UTF_8);
            VarintReader payload = new VarintReader(blob, payloadAt, payloadAt + payloadLength);
            long[] timestamps = new long[count];
            long previous = 0;
            for (int i = 0; i < count; i++) {
                previous = i == 0 ? payload.readZigzag() : previous + payload.readZigzag();
                timestamps[i] = previous;
            }
            for (int i = 0; i < count; i++) {
                sink.sample(metric, timestamps[i], Double.longBitsToDouble(payload.readLong()));
            }
        }
        if (in.remaining() != 0) {
            throw new IllegalArgumentException(in.remaining() + " bytes left over after the last series");
        }
    }

    private static int countSeries(String[] metrics, int[] indexes, Integer[] order) {
        int series = 0;
        for (int k = 0; k < order.length; k++) {
            if (k == 0 || !metrics[indexes[order[k]]].equals(metrics[indexes[order[k - 1]]])) {
                series++;
            }
        }
        return series;
    }
}

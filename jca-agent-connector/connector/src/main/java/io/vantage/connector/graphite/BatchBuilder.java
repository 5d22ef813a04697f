package io.vantage.connector.graphite;

import java.util.Arrays;

import io.vantage.connector.api.GraphiteBatch;

/**
 * The lines one connection has parsed and not yet handed over, in columns. Starts small and grows up to the batch
 * limit, so an idle connection costs little and a busy one never holds more than {@code maxLines} lines.
 */
final class BatchBuilder {

    private static final int INITIAL_CAPACITY = 16;

    private final int maxLines;
    private String[] paths;
    private long[] timestamps;
    private double[] values;
    private int size;

    BatchBuilder(int maxLines) {
        this.maxLines = maxLines;
        reset();
    }

    void add(ParsedLine line) {
        if (size == maxLines) {
            throw new IllegalStateException("the batch is full at " + maxLines + " lines");
        }
        if (size == paths.length) {
            int capacity = (int) Math.min(maxLines, 2L * paths.length);
            paths = Arrays.copyOf(paths, capacity);
            timestamps = Arrays.copyOf(timestamps, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        paths[size] = line.path();
        timestamps[size] = line.timestampMillis();
        values[size] = line.value();
        size++;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    boolean isFull() {
        return size == maxLines;
    }

    /** How many more lines fit. */
    int room() {
        return maxLines - size;
    }

    /** The lines so far as one batch, exactly sized; the builder starts over empty. */
    GraphiteBatch take(String remoteAddress) {
        GraphiteBatch batch = new GraphiteBatch(remoteAddress, Arrays.copyOf(paths, size),
                Arrays.copyOf(timestamps, size), Arrays.copyOf(values, size));
        reset();
        return batch;
    }

    private void reset() {
        int capacity = Math.min(maxLines, INITIAL_CAPACITY);
        paths = new String[capacity];
        timestamps = new long[capacity];
        values = new double[capacity];
        size = 0;
    }
}

package io.vantage.agent.spool;

import io.vantage.protocol.SampleBatch;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Keeps unacknowledged batches in memory only, up to a number of batches; they are lost when the agent stops. */
public final class MemorySpool implements Spool {

    private final NavigableMap<Long, SampleBatch> batches = new TreeMap<>();
    private final int maxBatches;
    private final OverflowWarning overflow;

    public MemorySpool(int maxBatches) {
        if (maxBatches < 1) {
            throw new IllegalArgumentException("maxBatches must be positive, was " + maxBatches);
        }
        this.maxBatches = maxBatches;
        this.overflow = new OverflowWarning(maxBatches + " batches in memory");
    }

    @Override
    public void append(SampleBatch batch) {
        batches.put(batch.sequence(), batch);
        while (batches.size() > maxBatches) {
            batches.pollFirstEntry();
            overflow.dropped();
        }
    }

    @Override
    public long nextAfter(long sequence) {
        Long next = batches.higherKey(sequence);
        return next == null ? NONE : next;
    }

    @Override
    public SampleBatch read(long sequence) {
        return batches.get(sequence);
    }

    @Override
    public boolean remove(long sequence) {
        boolean removed = batches.remove(sequence) != null;
        overflow.shrank(batches.size() <= maxBatches / 2);
        return removed;
    }

    @Override
    public int removeThrough(long sequence) {
        Map<Long, SampleBatch> old = batches.headMap(sequence, true);
        int count = old.size();
        old.clear();
        overflow.shrank(batches.size() <= maxBatches / 2);
        return count;
    }

    @Override
    public int size() {
        return batches.size();
    }

    @Override
    public long lastSequence() {
        return batches.isEmpty() ? NONE : batches.lastKey();
    }

    @Override
    public long droppedCount() {
        return overflow.total();
    }

    @Override
    public String describe() {
        return "unacknowledged batches in memory (up to " + maxBatches + ")";
    }

    @Override
    public void close() {
        batches.clear();
    }
}

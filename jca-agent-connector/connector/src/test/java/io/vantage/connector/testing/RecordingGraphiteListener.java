package io.vantage.connector.testing;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.vantage.connector.api.BatchNotStoredException;
import io.vantage.connector.api.BatchRejectedException;
import io.vantage.connector.api.GraphiteBatch;
import io.vantage.connector.api.GraphiteListener;

/**
 * A stand-in for the application's Graphite MDB: stores batches in a list, and can be told to answer "not stored"
 * or "rejected" a number of times, or to hold deliveries until released.
 */
public class RecordingGraphiteListener implements GraphiteListener {

    private final List<GraphiteBatch> stored = new CopyOnWriteArrayList<>();
    private final List<String> deliveryThreads = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger notStoredLeft = new AtomicInteger();
    private final AtomicInteger rejectLeft = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    @Override
    public void deliver(GraphiteBatch batch) throws BatchNotStoredException, BatchRejectedException {
        attempts.incrementAndGet();
        deliveryThreads.add(Thread.currentThread().getName());
        try {
            if (!gate.await(10, TimeUnit.SECONDS)) {
                throw new BatchNotStoredException("test gate never opened", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BatchNotStoredException("interrupted", e);
        }
        if (notStoredLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new BatchNotStoredException("storage unavailable", null);
        }
        if (rejectLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new BatchRejectedException("paths not allowed");
        }
        stored.add(batch);
    }

    /** The next {@code times} offers are answered "not stored". */
    public void notStored(int times) {
        notStoredLeft.set(times);
    }

    /** The next {@code times} offers are rejected for good. */
    public void reject(int times) {
        rejectLeft.set(times);
    }

    /** Deliveries from now on wait until {@link #releaseDeliveries()}. */
    public void holdDeliveries() {
        gate = new CountDownLatch(1);
    }

    public void releaseDeliveries() {
        gate.countDown();
    }

    public List<GraphiteBatch> stored() {
        return stored;
    }

    /** Every stored line's path, in the order stored. */
    public List<String> storedPaths() {
        return stored.stream().flatMap(batch -> List.of(batch.paths()).stream()).toList();
    }

    /** Every stored line's value, in the order stored. */
    public List<Double> storedValues() {
        return stored.stream().flatMapToDouble(batch -> Arrays.stream(batch.values())).boxed().toList();
    }

    public List<Integer> storedSizes() {
        return stored.stream().map(GraphiteBatch::size).toList();
    }

    public int linesStored() {
        return stored.stream().mapToInt(GraphiteBatch::size).sum();
    }

    public int attempts() {
        return attempts.get();
    }

    public List<String> deliveryThreads() {
        return deliveryThreads;
    }
}

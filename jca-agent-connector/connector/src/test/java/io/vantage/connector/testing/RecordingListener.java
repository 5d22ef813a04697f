package io.vantage.connector.testing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.RejectedExecutionException;

import io.vantage.connector.api.AgentAdmission;
import io.vantage.connector.api.AgentBatch;
import io.vantage.connector.api.AgentCredentials;
import io.vantage.connector.api.AgentListener;
import io.vantage.connector.api.AgentRejectedException;
import io.vantage.connector.api.BatchNotStoredException;
import io.vantage.connector.api.BatchRejectedException;

/**
 * A stand-in for the application: admits agents that present {@link #KEY}, stores batches in a list, and can be
 * told to fail, reject, blow up or hold deliveries.
 */
public class RecordingListener implements AgentListener {

    public static final String KEY = "secret";

    private final List<AgentCredentials> admissions = new CopyOnWriteArrayList<>();
    private final List<AgentBatch> stored = new CopyOnWriteArrayList<>();
    private final List<String> deliveryThreads = new CopyOnWriteArrayList<>();
    private final AtomicInteger deliveriesStarted = new AtomicInteger();
    private final Set<Long> notStoredOnce = ConcurrentHashMap.newKeySet();
    private final Set<Long> rejected = ConcurrentHashMap.newKeySet();
    private final Set<Long> errorOnce = ConcurrentHashMap.newKeySet();
    private final Set<String> explodingAgents = ConcurrentHashMap.newKeySet();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile long lastStoredSequence;
    private volatile boolean explodeOnDeliver;
    private final AtomicInteger busyAdmissions = new AtomicInteger();

    @Override
    public AgentAdmission admit(AgentCredentials credentials) throws AgentRejectedException {
        admissions.add(credentials);
        if (busyAdmissions.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new RejectedExecutionException("every endpoint is busy");
        }
        if (explodingAgents.contains(credentials.agentId())) {
            throw new IllegalStateException("database unreachable");
        }
        if (!KEY.equals(credentials.agentKey())) {
            throw new AgentRejectedException("unknown agent or wrong key");
        }
        return new AgentAdmission(credentials.agentId(), lastStoredSequence);
    }

    @Override
    public void deliver(AgentBatch batch) throws BatchNotStoredException, BatchRejectedException {
        deliveriesStarted.incrementAndGet();
        deliveryThreads.add(Thread.currentThread().getName());
        try {
            if (!gate.await(10, TimeUnit.SECONDS)) {
                throw new BatchNotStoredException("test gate never opened", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BatchNotStoredException("interrupted", e);
        }
        if (errorOnce.remove(batch.sequence())) {
            throw new AssertionError("an Error out of the application");
        }
        if (notStoredOnce.remove(batch.sequence())) {
            throw new BatchNotStoredException("storage unavailable", null);
        }
        if (rejected.contains(batch.sequence())) {
            throw new BatchRejectedException("metric name not allowed");
        }
        if (explodeOnDeliver) {
            throw new IllegalStateException("bug in the application");
        }
        stored.add(batch);
    }

    public RecordingListener lastStoredSequence(long sequence) {
        lastStoredSequence = sequence;
        return this;
    }

    public void failOnceWithNotStored(long sequence) {
        notStoredOnce.add(sequence);
    }

    /** The first delivery of this batch throws an Error, which no catch for exceptions stops. */
    public void failOnceWithError(long sequence) {
        errorOnce.add(sequence);
    }

    public void reject(long sequence) {
        rejected.add(sequence);
    }

    /** The next {@code times} admissions find the application too busy to take them. */
    public void busyOnAdmit(int times) {
        busyAdmissions.set(times);
    }

    public void explodeOnAdmit(String agentId) {
        explodingAgents.add(agentId);
    }

    public void explodeOnDeliver() {
        explodeOnDeliver = true;
    }

    /** Deliveries from now on wait until {@link #releaseDeliveries()}. */
    public void holdDeliveries() {
        gate = new CountDownLatch(1);
    }

    public void releaseDeliveries() {
        gate.countDown();
    }

    public List<AgentCredentials> admissions() {
        return admissions;
    }

    public List<AgentBatch> stored() {
        return stored;
    }

    public List<Long> storedSequences() {
        return stored.stream().map(AgentBatch::sequence).toList();
    }

    public int deliveriesStarted() {
        return deliveriesStarted.get();
    }

    public List<String> deliveryThreads() {
        return deliveryThreads;
    }
}

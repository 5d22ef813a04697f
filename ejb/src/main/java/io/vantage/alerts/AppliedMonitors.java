package io.vantage.alerts;

import io.vantage.persistence.monitors.Monitor;
import io.vantage.persistence.monitors.MonitorRepository;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The monitors applied to each node, as alert evaluation needs them for every metric batch: read once per node and
 * kept, instead of a query per batch. Whoever changes monitors or their targets says so ({@link #changing}); the
 * node's entry (or every entry) is forgotten when that transaction ends, and a read racing with the change is not
 * kept. A change made by another server instance is seen within {@link #FRESH_SECONDS} seconds.
 */
@ApplicationScoped
public class AppliedMonitors {

    static final long FRESH_SECONDS = 10;

    /** What was read, with the generations (of everything, of the node) it was read under. */
    private record Known(List<Monitor> monitors, long generation, long nodeGeneration, long readAtNanos) {
    }

    @Inject
    MonitorRepository monitors;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final ConcurrentHashMap<Long, Known> byNode = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final ConcurrentHashMap<Long, Long> nodeGenerations = new ConcurrentHashMap<>();

    /** The enabled monitors applied to the node, with their plans; detached, to be read only. */
    public List<Monitor> of(long nodeId) {
        long now = System.nanoTime();
        long current = generation.get();
        long currentForNode = nodeGenerations.getOrDefault(nodeId, 0L);
        Known known = byNode.get(nodeId);
        if (known != null && known.generation() == current && known.nodeGeneration() == currentForNode
                && now - known.readAtNanos() < TimeUnit.SECONDS.toNanos(FRESH_SECONDS)) {
            return known.monitors();
        }
        List<Monitor> read = List.copyOf(monitors.appliedTo(nodeId));
        // kept only if nothing changed while it was read
        if (generation.get() == current && nodeGenerations.getOrDefault(nodeId, 0L) == currentForNode) {
            byNode.put(nodeId, new Known(read, current, currentForNode, now));
        }
        return read;
    }

    /**
     * Called in the transaction that changes monitors or targets: what is known is forgotten now and again when the
     * transaction ends, so nothing read before the change commits is kept.
     *
     * @param nodeId the one node whose targets change, or null when monitors themselves change
     */
    public void changing(Long nodeId) {
        forget(nodeId);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing: forgetting counts once the change is visible, after completion
            }

            @Override
            public void afterCompletion(int status) {
                forget(nodeId);
            }
        });
    }

    private void forget(Long nodeId) {
        if (nodeId == null) {
            generation.incrementAndGet();
            byNode.clear();
        } else {
            nodeGenerations.merge(nodeId, 1L, Long::sum);
            byNode.remove(nodeId);
        }
    }
}

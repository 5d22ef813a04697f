package io.vantage.infrastructure.cassandra;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which nodes this server has marked as having samples in the log for the current hour, so that a node's every batch
 * does not write the same two markers again. Only the current hour is remembered: the compactor never touches an
 * hour before it has been closed for {@link SampleCompactor#GRACE}, so a marker written during the hour stays until
 * the compaction that reads every batch written before it. A batch of any earlier hour (late samples, perhaps of an
 * hour compacted already) always writes its markers, so its hour is compacted again.
 */
final class MarkedHours {

    private record NodeHour(long organizationId, long nodeId) {
    }

    private final Clock clock;
    private volatile int currentHour = Integer.MIN_VALUE;
    private volatile Set<NodeHour> marked = ConcurrentHashMap.newKeySet();

    MarkedHours(Clock clock) {
        this.clock = clock;
    }

    /**
     * Whether the markers must be written for this node and hour: true unless it is the current hour and this server
     * has already asked for them. Called before the markers are written; should that write fail, the batch fails and
     * is redelivered, and its retry writes them (a failed write is forgotten via {@link #forget}).
     */
    boolean firstOf(long organizationId, long nodeId, int hour) {
        int now = SampleHours.hourOf(clock.millis());
        if (hour != now) {
            return true;
        }
        if (currentHour != now) {
            synchronized (this) {
                if (currentHour != now) {
                    marked = ConcurrentHashMap.newKeySet();
                    currentHour = now;
                }
            }
        }
        return marked.add(new NodeHour(organizationId, nodeId));
    }

    /** Forgets the node's current hour, so its next batch writes the markers again. */
    void forget(long organizationId, long nodeId) {
        marked.remove(new NodeHour(organizationId, nodeId));
    }
}

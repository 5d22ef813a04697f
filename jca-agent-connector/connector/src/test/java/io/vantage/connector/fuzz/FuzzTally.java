package io.vantage.connector.fuzz;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A fuzz run's figures: hostile connections per kind, how they ended, and (for the agent listener) the answers
 * counted on the way.
 */
public final class FuzzTally {

    private final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byEnding = new ConcurrentHashMap<>();
    private final LongAdder connections = new LongAdder();
    private final LongAdder hostileAcks = new LongAdder();
    private final LongAdder rejections = new LongAdder();

    public void count(HostileConnection.Result result) {
        String ending;
        if (result.code() != null) {
            ending = result.code().name();
        } else if (result.end() == Conversation.End.OPEN) {
            ending = "closed by the client";
        } else {
            ending = "closed without ERROR (" + result.end() + ")";
        }
        count(result.hostile().kind(), ending);
        hostileAcks.add(result.acks());
        rejections.add(result.rejections());
    }

    /** Counts one hostile connection of any protocol: its family and how it ended, in words. */
    public void count(String kind, String ending) {
        connections.increment();
        byKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
        byEnding.computeIfAbsent(ending, k -> new LongAdder()).increment();
    }

    public long connections() {
        return connections.sum();
    }

    /** ACKs hostile connections received; each one promises a batch stored for the hostile agent. */
    public long hostileAcks() {
        return hostileAcks.sum();
    }

    /** The figures, a line each. */
    public String describe() {
        return describeConnections() + "\n  ACKs to hostile connections: " + hostileAcks.sum()
                + ", BATCH_REJECTED errors: " + rejections.sum();
    }

    /** The protocol-neutral figures: connections, by kind and by ending, a line each. */
    public String describeConnections() {
        return "hostile connections: " + connections.sum() + "\n  by kind: " + sorted(byKind)
                + "\n  by ending: " + sorted(byEnding);
    }

    private static Map<String, Long> sorted(Map<String, LongAdder> counts) {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((key, count) -> sorted.put(key, count.sum()));
        return sorted;
    }
}

package io.vantage.web.console;

import io.vantage.diagnostics.ProcessOrder;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The latest process listing of each watched node, per organization and order, as the refresher last fetched it. The
 * panels redraw from here, so a pushed refresh costs the agent one request however many pages show the node. Entries
 * of nodes nobody watches any more are dropped each round.
 */
@ApplicationScoped
public class ProcessSnapshots {

    private record Key(ProcessWatcher.WatchedNode node, ProcessOrder order) {
    }

    private final ConcurrentMap<Key, ProcessSnapshot> latest = new ConcurrentHashMap<>();

    /** What the organization's panels of this node in this order show; empty until the first answer. */
    Optional<ProcessSnapshot> latest(long organizationId, long nodeId, ProcessOrder order) {
        return Optional.ofNullable(latest.get(new Key(new ProcessWatcher.WatchedNode(organizationId, nodeId), order)));
    }

    Optional<ProcessSnapshot> latest(ProcessWatcher.WatchedNode node, ProcessOrder order) {
        return Optional.ofNullable(latest.get(new Key(node, order)));
    }

    void put(ProcessWatcher.WatchedNode node, ProcessOrder order, ProcessSnapshot snapshot) {
        latest.put(new Key(node, order), snapshot);
    }

    /** Keeps only the watched nodes' listings. */
    void retain(Set<ProcessWatcher.WatchedNode> watched) {
        latest.keySet().removeIf(key -> !watched.contains(key.node()));
    }
}

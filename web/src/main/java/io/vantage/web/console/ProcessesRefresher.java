package io.vantage.web.console;

import io.vantage.AgentUnavailableException;
import io.vantage.UnknownIdException;
import io.vantage.diagnostics.NodeDiagnostics;
import io.vantage.diagnostics.ProcessListing;
import io.vantage.diagnostics.ProcessOrder;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * Keeps the open processes panels live: every three seconds it asks the agent of each watched node for its busiest
 * processes, once per node however many pages watch it, with the caller of one of its watchers (so the service
 * scopes the request to that organization), keeps the answer in {@link ProcessSnapshots} and pushes
 * {@code {"nodeId": N, "sort": "cpu"}} to those watchers' sockets, whose pages then redraw their panel from it
 * (live-processes.js). Nothing is asked when nobody watches. Rounds are not persistent: a restart simply starts
 * again with the panels that reconnect.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ProcessesRefresher {

    /** How many processes a panel lists (in a scrolling table): enough to find a process that is not among the top. */
    static final int LIMIT = 100;

    @Inject
    ProcessWatchers watchers;

    @Inject
    ProcessSnapshots snapshots;

    @Inject
    NodeDiagnostics diagnostics;

    @Inject
    Clock clock;

    @Inject
    @Push(channel = ProcessWatchers.CHANNEL)
    PushContext push;

    @Resource
    ManagedExecutorService executor;

    /** Nodes whose request is still under way: a slow agent gets no second request until it answered. */
    private final Set<ProcessWatcher.WatchedNode> asking = ConcurrentHashMap.newKeySet();

    @Schedule(second = "*/3", minute = "*", hour = "*", persistent = false)
    void round() {
        Map<ProcessWatcher.WatchedNode, Map<ProcessWatcher, ProcessOrder>> watched = watchers.byNode();
        snapshots.retain(watched.keySet());
        watched.forEach((node, panels) -> {
            if (asking.add(node)) {
                try {
                    // each request waits up to five seconds for its agent: nodes are asked side by side
                    executor.submit(() -> refresh(node, panels));
                } catch (RejectedExecutionException e) {
                    asking.remove(node);
                    ConsoleLog.processesRefreshFailed(node.organizationId(), node.nodeId(), e);
                }
            }
        });
    }

    private void refresh(ProcessWatcher.WatchedNode node, Map<ProcessWatcher, ProcessOrder> panels) {
        try {
            ProcessOrder order = orderToAsk(node, panels);
            ProcessWatcher asker = panels.keySet().iterator().next();
            Instant now = clock.instant();
            ProcessSnapshot snapshot;
            try {
                ProcessListing listing = diagnostics.processes(asker.caller(), node.nodeId(), LIMIT, order);
                snapshot = ProcessSnapshot.of(listing, now);
            } catch (AgentUnavailableException e) {
                snapshot = ProcessSnapshot.unavailable(e.getMessage(), now);
            } catch (UnknownIdException e) {
                // not (or no longer) the organization's node: its panels get nothing, now or later
                watchers.forget(panels.keySet());
                ConsoleLog.processesNodeUnknown(node.organizationId(), node.nodeId());
                return;
            }
            snapshots.put(node, order, snapshot);
            notify(node, order, panels);
        } catch (RuntimeException e) {
            ConsoleLog.processesRefreshFailed(node.organizationId(), node.nodeId(), e);
        } finally {
            asking.remove(node);
        }
    }

    /**
     * One request per node and round: when its pages want both orders, the one whose listing is older is asked, so
     * each page still moves every other round.
     */
    private ProcessOrder orderToAsk(ProcessWatcher.WatchedNode node, Map<ProcessWatcher, ProcessOrder> panels) {
        Set<ProcessOrder> wanted = new HashSet<>(panels.values());
        return wanted.stream().min(Comparator.comparing((ProcessOrder order) -> snapshots.latest(node, order)
                        .map(ProcessSnapshot::askedAt).orElse(Instant.MIN)).thenComparing(Enum::ordinal))
                .orElse(ProcessOrder.CPU);
    }

    private void notify(ProcessWatcher.WatchedNode node, ProcessOrder order, Map<ProcessWatcher, ProcessOrder> panels) {
        String json = Json.createObjectBuilder()
                .add("nodeId", node.nodeId())
                .add("sort", order.name().toLowerCase(Locale.ROOT))
                .build().toString();
        Map<ProcessWatcher, Set<Future<Void>>> sent = push.send(json, panels.keySet());
        // a watcher with no open socket on this server left without closing it (a vanished browser): forget it
        List<ProcessWatcher> gone = sent.entrySet().stream().filter(e -> e.getValue().isEmpty())
                .map(Map.Entry::getKey).toList();
        if (!gone.isEmpty()) {
            watchers.forget(gone);
            ConsoleLog.processesWatchersGone(node.organizationId(), node.nodeId(), gone.size());
        }
        ConsoleLog.processesPushed(node.organizationId(), node.nodeId(),
                sent.values().stream().mapToInt(Set::size).sum());
    }
}

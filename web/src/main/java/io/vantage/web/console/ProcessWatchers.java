package io.vantage.web.console;

import io.vantage.diagnostics.ProcessOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.faces.event.WebsocketEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The processes panels open on this server and the order each one shows, from the open and close events of their
 * websockets (channel {@value #CHANNEL}). A watcher exists exactly while its socket is open: closing the page,
 * navigating away, or the session ending closes the socket. A browser that vanishes without closing it is dropped
 * by {@link ProcessesRefresher} as soon as a push to it reaches no open socket.
 */
@ApplicationScoped
public class ProcessWatchers {

    /** The websocket channel of the processes panels. */
    static final String CHANNEL = "processes";

    private final ConcurrentMap<ProcessWatcher, ProcessOrder> orders = new ConcurrentHashMap<>();

    void opened(@Observes @WebsocketEvent.Opened WebsocketEvent event) {
        if (CHANNEL.equals(event.getChannel()) && event.getUser() instanceof ProcessWatcher watcher) {
            orders.putIfAbsent(watcher, ProcessOrder.CPU);
        }
    }

    void closed(@Observes @WebsocketEvent.Closed WebsocketEvent event) {
        if (CHANNEL.equals(event.getChannel()) && event.getUser() instanceof ProcessWatcher watcher) {
            orders.remove(watcher);
        }
    }

    /**
     * The panel now shows this order. Only a watcher whose socket is open is changed: an ajax request arriving after
     * its socket closed must not bring it back.
     */
    public void order(ProcessWatcher watcher, ProcessOrder order) {
        orders.computeIfPresent(watcher, (w, previous) -> order);
    }

    /** The watchers grouped by the node they watch, each with its order: a snapshot for one refresh round. */
    Map<ProcessWatcher.WatchedNode, Map<ProcessWatcher, ProcessOrder>> byNode() {
        Map<ProcessWatcher.WatchedNode, Map<ProcessWatcher, ProcessOrder>> nodes = new HashMap<>();
        orders.forEach((watcher, order) -> nodes.computeIfAbsent(watcher.node(), n -> new HashMap<>())
                .put(watcher, order));
        return nodes;
    }

    /** Drops watchers that are gone or may not watch their node. */
    void forget(Collection<ProcessWatcher> watchers) {
        new ArrayList<>(watchers).forEach(orders::remove);
    }
}

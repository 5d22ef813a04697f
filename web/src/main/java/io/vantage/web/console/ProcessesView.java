package io.vantage.web.console;

import io.vantage.diagnostics.ProcessOrder;
import io.vantage.web.security.CurrentCaller;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The node page's "Processes" panel: the busiest processes its agent listed last, sorted by CPU or memory, or why
 * the agent cannot answer. It lives as long as the page, whose websocket (user {@link #getWatcher()}) makes it a
 * watcher of the node for {@link ProcessesRefresher}; each pushed refresh redraws it from {@link ProcessSnapshots}
 * through live-processes.js, never asking the agent itself.
 */
@Named
@ViewScoped
public class ProcessesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentCaller callers;

    @Inject
    ProcessWatchers watchers;

    @Inject
    ProcessSnapshots snapshots;

    private ProcessWatcher watcher;
    private ProcessOrder order = ProcessOrder.CPU;
    private ProcessSnapshot snapshot;

    /** Runs after the node page's own load (f:viewAction): a node it did not find shows no panel and no socket. */
    public void show(NodeView page) {
        if (page.isFound()) {
            watcher = new ProcessWatcher(callers.caller(), page.getNodeId(), UUID.randomUUID().toString());
            reload();
        }
    }

    /** Redraws from the latest listing (live-processes.js calls it when a refresh was pushed). */
    public void reload() {
        if (watcher != null) {
            // after the socket reconnected the server knows this panel with the default order only
            watchers.order(watcher, order);
            // read with the viewer's own organization: a listing fetched for another is never found here
            snapshot = snapshots.latest(callers.caller().organizationId(), watcher.nodeId(), order).orElse(null);
        }
    }

    public String getSort() {
        return order.name().toLowerCase(Locale.ROOT);
    }

    /** The toggle: {@code cpu} or {@code memory}; the next rounds ask the agent in this order for this page. */
    public void setSort(String sort) {
        order = ProcessOrder.named(sort);
        if (watcher != null) {
            watchers.order(watcher, order);
        }
    }

    public boolean isShown() {
        return watcher != null;
    }

    public ProcessWatcher getWatcher() {
        return watcher;
    }

    public long getNodeId() {
        return watcher.nodeId();
    }

    /** No answer yet: the page opened moments ago, or was just sorted the other way. */
    public boolean isWaiting() {
        return snapshot == null;
    }

    public boolean isListed() {
        return snapshot != null && snapshot.listing() != null;
    }

    /** The service's message when the agent cannot answer: not connected, too old, timed out. */
    public String getUnavailableMessage() {
        return snapshot == null ? null : snapshot.message();
    }

    public List<ProcessRow> getRows() {
        return isListed() ? snapshot.listing().processes().stream().map(ProcessRow::of).toList() : List.of();
    }

    public String getTakenAtText() {
        return isListed() ? ConsoleTime.text(snapshot.listing().takenAt()) : "";
    }

    public long getTakenAtMillis() {
        return isListed() ? snapshot.listing().takenAt().toEpochMilli() : 0;
    }

    /** The time the CPU percentages cover, in seconds with one decimal ("3.0 s"). */
    public String getIntervalText() {
        if (!isListed()) {
            return "";
        }
        return BigDecimal.valueOf(snapshot.listing().cpuIntervalMillis()).movePointLeft(3)
                .setScale(1, RoundingMode.HALF_UP).toPlainString() + " s";
    }

    public long getTotalProcesses() {
        return isListed() ? snapshot.listing().totalProcesses() : 0;
    }
}

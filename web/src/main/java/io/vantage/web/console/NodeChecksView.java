package io.vantage.web.console;

import io.vantage.checks.NodeChecks;
import io.vantage.infrastructure.cassandra.StorageUnavailableException;
import io.vantage.web.security.CurrentCaller;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.util.List;

/**
 * The node page's "Checks" panel: the latest result of each check the node's agent runs (Nagios-compatible
 * plugins), with its status, text and age. It lives as long as the page so that live-checks.js can redraw it alone
 * ({@link #reload()}) when a pushed result names a check the panel does not list yet; results of listed checks are
 * written into their rows by the script itself.
 */
@Named
@ViewScoped
public class NodeChecksView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentCaller callers;

    @Inject
    NodeChecks checks;

    @Inject
    Clock clock;

    private long nodeId;
    private List<CheckRow> rows = List.of();
    private boolean unavailable;

    /** Runs after the node page's own load (f:viewAction): a node it did not find shows no panel. */
    public void show(NodeView page) {
        if (page.isFound()) {
            nodeId = page.getNodeId();
            reload();
        }
    }

    public void reload() {
        if (nodeId <= 0) {
            return;
        }
        try {
            // scoped to the caller's organization by the service: another organization's node has no checks here
            rows = checks.latest(callers.caller(), nodeId).orElse(List.of()).stream()
                    .map(result -> new CheckRow(result, clock.instant())).toList();
            unavailable = false;
        } catch (StorageUnavailableException e) {
            ConsoleLog.checkResultsUnavailable(nodeId, e.getMessage());
            unavailable = true;
        }
    }

    public boolean isShown() {
        return nodeId > 0;
    }

    public long getNodeId() {
        return nodeId;
    }

    /** Cassandra could not be read: the panel says so rather than claiming the node has no checks. */
    public boolean isUnavailable() {
        return unavailable;
    }

    public List<CheckRow> getRows() {
        return rows;
    }
}

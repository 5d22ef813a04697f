package io.vantage.web.console;

import io.vantage.web.security.CurrentCaller;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The node page's "recent alerts" panel: the alerts of one node, current problems first. It lives as long as the
 * page (the node page's own bean is per request and draws charts from storage) so that a pushed alert change can
 * redraw the panel alone (live-alerts.js calls {@link #reload()}).
 */
@Named
@ViewScoped
public class NodeAlertsView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How many alerts the panel lists. */
    static final int LIMIT = 10;

    @Inject
    CurrentCaller callers;

    @Inject
    AlertRows alerts;

    private long nodeId;
    private List<AlertRow> rows = List.of();

    /** Runs after the node page's own load (f:viewAction): a node it did not find shows no panel. */
    public void show(NodeView page) {
        if (page.isFound()) {
            nodeId = page.getNodeId();
            reload();
        }
    }

    public void reload() {
        if (nodeId > 0) {
            // scoped to the caller's organization by the service: another organization's node has no alerts here
            rows = alerts.list(callers.caller(), null, nodeId, null, LIMIT);
        }
    }

    public boolean isShown() {
        return nodeId > 0;
    }

    public List<AlertRow> getRows() {
        return rows;
    }
}

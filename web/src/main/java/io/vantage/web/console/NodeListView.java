package io.vantage.web.console;

import io.vantage.inventory.NodeCatalog;
import io.vantage.web.security.CurrentCaller;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The node list ({@code index.xhtml}): the caller's nodes with their newest CPU, memory and load. Pushed samples
 * update the rows in the browser; the list itself is read again only when a node the page does not show yet starts
 * reporting (live-nodes.js then calls {@link #reload()} through a remote command).
 */
@Named
@ViewScoped
public class NodeListView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentCaller callers;

    @Inject
    NodeCatalog catalog;

    private List<NodeRow> rows = List.of();

    @PostConstruct
    void init() {
        reload();
    }

    public void reload() {
        // a mutable list: the data table sorts its value in place
        rows = catalog.list(callers.caller()).stream()
                .map(NodeRow::of)
                .sorted(Comparator.comparing(NodeRow::getName, String.CASE_INSENSITIVE_ORDER))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    public List<NodeRow> getRows() {
        return rows;
    }

    /** The ids of the listed nodes, space-separated: live-nodes.js reloads the list when a push names another one. */
    public String getNodeIds() {
        return rows.stream().map(row -> Long.toString(row.getId())).collect(Collectors.joining(" "));
    }
}

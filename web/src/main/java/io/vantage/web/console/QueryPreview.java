package io.vantage.web.console;

import java.io.Serializable;
import java.util.List;

/**
 * What a node query selects right now, as the monitors page previews it before a monitor is created: the first
 * nodes by name, or the parser's message and the column it points at when the query is wrong. The column also
 * places a caret under the query, so the mistake is seen where it is.
 */
public final class QueryPreview implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How many node names a preview lists. */
    static final int SHOWN = 25;

    private final String query;
    private final List<String> nodes;
    private final boolean more;
    private final String error;
    private final int column;

    private QueryPreview(String query, List<String> nodes, boolean more, String error, int column) {
        this.query = query;
        this.nodes = nodes;
        this.more = more;
        this.error = error;
        this.column = column;
    }

    /** The nodes found, asked for one more than {@link #SHOWN} to tell whether there are more. */
    static QueryPreview found(String query, List<String> names) {
        return new QueryPreview(query, List.copyOf(names.subList(0, Math.min(SHOWN, names.size()))),
                names.size() > SHOWN, null, 0);
    }

    /** @param column the 1-based column of the mistake, 0 when the message names none */
    static QueryPreview refused(String query, String error, int column) {
        return new QueryPreview(query, List.of(), false, error, column);
    }

    public boolean isValid() {
        return error == null;
    }

    public String getError() {
        return error;
    }

    public int getColumn() {
        return column;
    }

    /** The query, and under it a caret at the column of the mistake (the page shows both in a monospace block). */
    public String getCaretText() {
        if (column <= 0 || query == null) {
            return "";
        }
        return query + "\n" + " ".repeat(column - 1) + "^";
    }

    public List<String> getNodes() {
        return nodes;
    }

    public boolean isMore() {
        return more;
    }

    /** "2 nodes", "no node", "more than 25 nodes". */
    public String getSummary() {
        if (more) {
            return "more than " + SHOWN + " nodes, the first " + SHOWN + " by name:";
        }
        if (nodes.isEmpty()) {
            return "no node right now";
        }
        return nodes.size() == 1 ? "1 node:" : nodes.size() + " nodes:";
    }
}

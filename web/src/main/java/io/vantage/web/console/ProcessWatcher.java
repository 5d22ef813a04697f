package io.vantage.web.console;

import io.vantage.security.Caller;
import java.io.Serializable;
import java.util.Objects;

/**
 * One open node page's processes panel: the {@code user} of its {@code <f:websocket channel="processes">}. The server
 * draws it when it renders the page, from the signed-in caller and a node that caller's organization has, so a browser
 * can neither choose nor change it; the refresher asks for the node's processes with this caller, so the service
 * checks again, every time, that the node is the caller's organization's.
 *
 * @param caller the viewer, whose organization scopes every request made for the panel
 * @param nodeId the node the page shows
 * @param page   random per page, so that two pages of the same viewer and node are two watchers with their own order
 */
public record ProcessWatcher(Caller caller, long nodeId, String page) implements Serializable {

    public ProcessWatcher {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(page, "page");
    }

    /** The node as the organization sees it: the unit the refresher asks once per round. */
    WatchedNode node() {
        return new WatchedNode(caller.organizationId(), nodeId);
    }

    /**
     * A node that some page of an organization watches. The organization is part of the key: what was asked with one
     * organization's caller is never shown to another.
     */
    record WatchedNode(long organizationId, long nodeId) implements Serializable {
    }
}

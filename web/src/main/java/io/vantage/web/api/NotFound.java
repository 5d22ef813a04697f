package io.vantage.web.api;

import jakarta.ws.rs.NotFoundException;

/** The one answer for an id that is unknown or belongs to another organization: they must look the same. */
final class NotFound {

    private NotFound() {
    }

    static NotFoundException node(long id) {
        return new NotFoundException("no node " + id);
    }
}

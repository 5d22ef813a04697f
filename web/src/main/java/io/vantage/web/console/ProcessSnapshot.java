package io.vantage.web.console;

import io.vantage.diagnostics.ProcessListing;
import java.io.Serializable;
import java.time.Instant;

/**
 * What a processes panel shows for a node and order: the latest listing its agent gave, or why the agent could not
 * answer (the service's own message, which names the node).
 *
 * @param listing  the listing, or {@code null} when the agent could not answer
 * @param message  why there is no listing, or {@code null}
 * @param askedAt  when the refresher asked, by the server's clock
 */
record ProcessSnapshot(ProcessListing listing, String message, Instant askedAt) implements Serializable {

    static ProcessSnapshot of(ProcessListing listing, Instant askedAt) {
        return new ProcessSnapshot(listing, null, askedAt);
    }

    static ProcessSnapshot unavailable(String message, Instant askedAt) {
        return new ProcessSnapshot(null, message, askedAt);
    }
}

package io.vantage.web.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.faces.event.WebsocketEvent;
import java.io.Serializable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Which organizations have console pages open on this server right now, counted from the Faces websocket's open
 * and close events of the live channel. The push feeder asks it before decoding a batch, so batches nobody is
 * watching cost nearly nothing however many agents report.
 */
@ApplicationScoped
public class LiveAudience {

    /** Open live sockets per websocket user, which is the organization id. */
    private final ConcurrentMap<Serializable, Integer> sockets = new ConcurrentHashMap<>();

    void opened(@Observes @WebsocketEvent.Opened WebsocketEvent event) {
        if (isLive(event)) {
            sockets.merge(event.getUser(), 1, Integer::sum);
        }
    }

    void closed(@Observes @WebsocketEvent.Closed WebsocketEvent event) {
        if (isLive(event)) {
            // the last socket of an organization removes it, so the map never grows with departed users
            sockets.computeIfPresent(event.getUser(), (user, open) -> open > 1 ? open - 1 : null);
        }
    }

    /** Whether any page of the organization listens on this server. */
    public boolean isWatching(long organizationId) {
        return sockets.containsKey(organizationId);
    }

    private static boolean isLive(WebsocketEvent event) {
        return LiveMetricsFeeder.CHANNEL.equals(event.getChannel()) && event.getUser() != null;
    }
}

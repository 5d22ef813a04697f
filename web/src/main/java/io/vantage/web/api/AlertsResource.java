package io.vantage.web.api;

import io.vantage.alerts.AlertDesk;
import io.vantage.persistence.alerts.Alert;
import io.vantage.persistence.alerts.AlertEvent;
import io.vantage.persistence.alerts.AlertRepository;
import io.vantage.persistence.alerts.Severity;
import io.vantage.persistence.notifications.Notification;
import io.vantage.security.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/** The caller's alerts: the current state of each monitor on each node, its history, and acknowledgement. */
@Path("/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertsResource {

    @Inject
    Caller caller;

    @Inject
    AlertDesk desk;

    /** An alert in the API. */
    public record AlertJson(long id, long monitorId, long nodeId, String severity, String since, boolean flapping,
                            Double lastValue, String lastSampleAt, String acknowledgedBy, String acknowledgedAt,
                            String acknowledgementNote) {

        static AlertJson of(Alert a) {
            return new AlertJson(a.getId(), a.getMonitorId(), a.getNodeId(), a.getSeverity().name(),
                    NodeJson.iso(a.getSince()), a.isFlapping(), a.getLastValue(), NodeJson.iso(a.getLastSampleAt()),
                    a.getAcknowledgedBy(), NodeJson.iso(a.getAcknowledgedAt()), a.getAcknowledgementNote());
        }
    }

    /** One history entry. */
    public record HistoryJson(long id, String at, String from, String to, String reason, Double value, boolean quiet,
                              boolean inMaintenance, String by, String note) {

        static HistoryJson of(AlertEvent e) {
            return new HistoryJson(e.getId(), NodeJson.iso(e.getOccurredAt()), e.getFrom().name(), e.getTo().name(),
                    e.getReason().name(), e.getValue(), e.isQuiet(), e.isInMaintenance(), e.getRecordedBy(),
                    e.getNote());
        }
    }

    /** One notice to one channel and what became of it. */
    public record NotificationJson(long id, long channelId, long historyId, String kind, String severity,
                                   String status, int attempts, String createdAt, String deliveredAt, String detail) {

        static NotificationJson of(Notification n) {
            return new NotificationJson(n.getId(), n.getChannelId(), n.getAlertEventId(), n.getKind().name(),
                    n.getSeverity().name(), n.getStatus().name(), n.getAttempts(), NodeJson.iso(n.getCreatedAt()),
                    NodeJson.iso(n.getDeliveredAt()), n.getDetail());
        }
    }

    /** An alert with everything that happened to it. */
    public record AlertDetailJson(AlertJson alert, List<HistoryJson> history, List<NotificationJson> notifications) {
    }

    /** The body of an acknowledgement. */
    public record Acknowledgement(String note) {
    }

    /**
     * Alerts, newest change first.
     *
     * @param severity     the least severity to list ({@code WARNING} lists WARNING and CRITICAL)
     * @param acknowledged {@code true} or {@code false} to filter; absent for both
     */
    @GET
    public List<AlertJson> list(@QueryParam("severity") String severity, @QueryParam("monitor") Long monitorId,
                                @QueryParam("node") Long nodeId, @QueryParam("acknowledged") Boolean acknowledged,
                                @QueryParam("limit") @DefaultValue("100") int limit) {
        return desk.list(caller, new AlertRepository.AlertFilter(severity(severity), monitorId, nodeId, acknowledged,
                limit)).stream().map(AlertJson::of).toList();
    }

    @GET
    @Path("/{id}")
    public AlertDetailJson get(@PathParam("id") long id) {
        return new AlertDetailJson(AlertJson.of(desk.get(caller, id)),
                desk.history(caller, id).stream().map(HistoryJson::of).toList(),
                desk.notifications(caller, id).stream().map(NotificationJson::of).toList());
    }

    @POST
    @Path("/{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    public AlertJson acknowledge(@PathParam("id") long id, Acknowledgement body) {
        return AlertJson.of(desk.acknowledge(caller, id, body == null ? null : body.note()));
    }

    private static Severity severity(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Severity.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("severity must be OK, WARNING or CRITICAL, got '" + text + "'");
        }
    }
}

package io.vantage.web.api;

import io.vantage.alerts.RuleDryRun;
import io.vantage.monitors.MonitorCatalog;
import io.vantage.monitors.MonitorDefinition;
import io.vantage.monitors.MonitorRules;
import io.vantage.persistence.monitors.Monitor;
import io.vantage.security.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The caller's monitors. Creating or changing one returns at once: which nodes it applies to is worked out by the
 * monitor applier a moment later ({@code GET /monitors/{id}/nodes}).
 */
@Path("/monitors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MonitorsResource {

    @Inject
    Caller caller;

    @Inject
    MonitorCatalog catalog;

    @Inject
    RuleDryRun dryRun;

    @Inject
    Clock clock;

    /** A monitor in the API: its definition plus identity and revision. */
    public record MonitorJson(long id, String name, String nodeQuery, String metric, MonitorDefinition.Rule rule,
                              MonitorDefinition.Check check, Long planId, boolean enabled, long revision,
                              String createdAt, String updatedAt) {

        static MonitorJson of(Monitor m) {
            return new MonitorJson(m.getId(), m.getName(), m.getNodeQuery(), m.getMetric(),
                    MonitorRules.toDefinition(m.getRule()), MonitorRules.toDefinition(m.getCheck()),
                    m.getPlan() == null ? null : m.getPlan().getId(), m.isEnabled(), m.getRevision(),
                    NodeJson.iso(m.getCreatedAt()), NodeJson.iso(m.getUpdatedAt()));
        }
    }

    /** A monitor as sent: like {@link MonitorDefinition}, with {@code enabled} optional (true). */
    public record MonitorInput(String name, String nodeQuery, String metric, MonitorDefinition.Rule rule,
                               MonitorDefinition.Check check, Long planId, Boolean enabled) {

        MonitorDefinition definition() {
            return new MonitorDefinition(name, nodeQuery, metric, rule, check, planId, enabled == null || enabled);
        }
    }

    @GET
    public List<MonitorJson> list() {
        return catalog.list(caller).stream().map(MonitorJson::of).toList();
    }

    @POST
    public Response create(MonitorInput input) {
        Monitor monitor = catalog.create(caller, required(input).definition());
        return Response.created(URI.create("monitors/" + monitor.getId())).entity(MonitorJson.of(monitor)).build();
    }

    @GET
    @Path("/{id}")
    public MonitorJson get(@PathParam("id") long id) {
        return MonitorJson.of(catalog.get(caller, id));
    }

    @PUT
    @Path("/{id}")
    public MonitorJson update(@PathParam("id") long id, MonitorInput input) {
        return MonitorJson.of(catalog.update(caller, id, required(input).definition()));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id) {
        catalog.delete(caller, id);
        return Response.noContent().build();
    }

    /** The ids of the nodes the monitor applies to now. */
    @GET
    @Path("/{id}/nodes")
    public Set<Long> nodes(@PathParam("id") long id) {
        return catalog.targets(caller, id);
    }

    /**
     * Replays a monitor definition over stored history without saving it: the alerts it would have raised on each
     * node its query selects (at most {@value RuleDryRun#MAX_NODES}). By default over the last 24 hours.
     */
    @POST
    @Path("/dry-run")
    public List<DryRunJson> dryRun(MonitorInput input, @QueryParam("from") String fromText,
                                   @QueryParam("to") String toText) {
        Instant to = TimeParameters.parse("to", toText, clock.instant());
        Instant from = TimeParameters.parse("from", fromText, to.minus(Duration.ofDays(1)));
        return dryRun.replay(caller, required(input).definition(), from, to).stream().map(DryRunJson::of).toList();
    }

    private static MonitorInput required(MonitorInput input) {
        if (input == null) {
            throw new IllegalArgumentException("a monitor definition is required as the JSON body");
        }
        return input;
    }
}

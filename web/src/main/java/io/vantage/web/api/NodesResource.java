package io.vantage.web.api;

import io.vantage.inventory.NodeCatalog;
import io.vantage.inventory.NodeDescription;
import io.vantage.inventory.NodeEditor;
import io.vantage.metrics.MetricQueries;
import io.vantage.persistence.metrics.SamplePoint;
import io.vantage.security.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The caller's nodes, their metrics and their samples. */
@Path("/nodes")
@Produces(MediaType.APPLICATION_JSON)
public class NodesResource {

    @Inject
    Caller caller;

    @Inject
    NodeCatalog catalog;

    @Inject
    MetricQueries queries;

    @Inject
    NodeEditor editor;

    @Inject
    Clock clock;

    /** Every node, or with {@code q} the nodes an inventory query selects ({@code tag:web AND os:linux}). */
    @GET
    public List<NodeJson> list(@QueryParam("q") String query, @QueryParam("limit") @DefaultValue("1000") int limit) {
        if (query != null) {
            return catalog.search(caller, query, Math.max(1, Math.min(limit, 10_000))).stream().map(NodeJson::of)
                    .toList();
        }
        return catalog.list(caller).stream().map(NodeJson::of).toList();
    }

    /** Describes a node: tags, OS, addresses and details (absent parts stay as they are). */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public NodeJson describe(@PathParam("id") long id, NodeDescription description) {
        if (description == null) {
            throw new IllegalArgumentException("a node description is required as the JSON body");
        }
        editor.describe(caller, id, description);
        return catalog.find(caller, id).map(NodeJson::of).orElseThrow(() -> NotFound.node(id));
    }

    @GET
    @Path("/{id}")
    public NodeJson get(@PathParam("id") long id) {
        return catalog.find(caller, id).map(NodeJson::of).orElseThrow(() -> NotFound.node(id));
    }

    @GET
    @Path("/{id}/metrics")
    public List<LatestJson> metrics(@PathParam("id") long id) {
        return queries.metrics(caller, id).orElseThrow(() -> NotFound.node(id)).stream()
                .map(LatestJson::of).sorted(java.util.Comparator.comparing(LatestJson::metric)).toList();
    }

    /** Samples in {@code [from, to)}; by default the last hour. */
    @GET
    @Path("/{id}/metrics/{metric}/samples")
    public SamplesJson samples(@PathParam("id") long id, @PathParam("metric") String metric,
                               @QueryParam("from") String fromText, @QueryParam("to") String toText,
                               @QueryParam("limit") @DefaultValue("10000") int limit) {
        Instant to = TimeParameters.parse("to", toText, clock.instant().plusSeconds(1));
        Instant from = TimeParameters.parse("from", fromText, to.minus(Duration.ofHours(1)));
        List<SamplePoint> points = queries.samples(caller, id, metric, from, to, limit)
                .orElseThrow(() -> NotFound.node(id));
        return new SamplesJson(id, metric, from.toString(), to.toString(), points.stream()
                .map(p -> new SamplesJson.Point(p.timestamp().toString(), p.timestamp().toEpochMilli(), p.value()))
                .toList());
    }
}

package io.vantage.web.api;

import io.vantage.notifications.NotificationSetup;
import io.vantage.persistence.alerts.Severity;
import io.vantage.persistence.notifications.NotificationChannel;
import io.vantage.persistence.notifications.NotificationPlan;
import io.vantage.persistence.notifications.PlanRoute;
import io.vantage.security.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Where notifications go (channels) and which problems go where (plans). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NotificationsResource {

    @Inject
    Caller caller;

    @Inject
    NotificationSetup setup;

    /** A channel in the API; a webhook's secret is never shown, only whether it has one. */
    public record ChannelJson(long id, String name, String kind, String target, boolean signed, boolean enabled,
                              String createdAt) {

        static ChannelJson of(NotificationChannel c) {
            return new ChannelJson(c.getId(), c.getName(), c.getKind().name(), c.getTarget(), c.getSecret() != null,
                    c.isEnabled(), NodeJson.iso(c.getCreatedAt()));
        }
    }

    /** A plan in the API: for WARNING and CRITICAL, the channel ids that hear of it. */
    public record PlanJson(long id, String name, Map<Severity, Set<Long>> routes, String createdAt) {

        static PlanJson of(NotificationPlan p) {
            Map<Severity, Set<Long>> routes = new EnumMap<>(Severity.class);
            for (PlanRoute route : p.getRoutes()) {
                routes.computeIfAbsent(route.getSeverity(), s -> new TreeSet<>()).add(route.getChannelId());
            }
            return new PlanJson(p.getId(), p.getName(), routes, NodeJson.iso(p.getCreatedAt()));
        }
    }

    @GET
    @Path("channels")
    public List<ChannelJson> channels() {
        return setup.channels(caller).stream().map(ChannelJson::of).toList();
    }

    @POST
    @Path("channels")
    public Response addChannel(NotificationSetup.ChannelDefinition definition) {
        NotificationChannel channel = setup.addChannel(caller, required(definition));
        return Response.created(URI.create("channels/" + channel.getId())).entity(ChannelJson.of(channel)).build();
    }

    @GET
    @Path("channels/{id}")
    public ChannelJson channel(@PathParam("id") long id) {
        return ChannelJson.of(setup.channel(caller, id));
    }

    @PUT
    @Path("channels/{id}")
    public ChannelJson changeChannel(@PathParam("id") long id, NotificationSetup.ChannelDefinition definition) {
        return ChannelJson.of(setup.changeChannel(caller, id, required(definition)));
    }

    @GET
    @Path("plans")
    public List<PlanJson> plans() {
        return setup.plans(caller).stream().map(PlanJson::of).toList();
    }

    @POST
    @Path("plans")
    public Response addPlan(NotificationSetup.PlanDefinition definition) {
        NotificationPlan plan = setup.addPlan(caller, required(definition));
        return Response.created(URI.create("plans/" + plan.getId())).entity(PlanJson.of(plan)).build();
    }

    @GET
    @Path("plans/{id}")
    public PlanJson plan(@PathParam("id") long id) {
        return PlanJson.of(setup.plan(caller, id));
    }

    @PUT
    @Path("plans/{id}")
    public PlanJson changePlan(@PathParam("id") long id, NotificationSetup.PlanDefinition definition) {
        return PlanJson.of(setup.changePlan(caller, id, required(definition)));
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw new IllegalArgumentException("a JSON body is required");
        }
        return body;
    }
}

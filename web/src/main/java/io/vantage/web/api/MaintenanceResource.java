package io.vantage.web.api;

import io.vantage.maintenance.MaintenanceDefinition;
import io.vantage.maintenance.MaintenanceWindows;
import io.vantage.persistence.maintenance.MaintenanceWindow;
import io.vantage.security.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** Maintenance windows: alerts on the nodes they select are recorded but not notified while they are open. */
@Path("/maintenance-windows")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MaintenanceResource {

    @Inject
    Caller caller;

    @Inject
    MaintenanceWindows windows;

    /** A window in the API. */
    public record WindowJson(long id, String name, String nodeQuery, String startsAt, String endsAt, String days,
                             Integer durationMinutes, String timeZone, String createdBy, String createdAt) {

        static WindowJson of(MaintenanceWindow w) {
            return new WindowJson(w.getId(), w.getName(), w.getNodeQuery(), NodeJson.iso(w.getStartsAt()),
                    NodeJson.iso(w.getEndsAt()), w.getRecurrenceDays(), w.getDurationMinutes(), w.getTimeZone(),
                    w.getCreatedBy(), NodeJson.iso(w.getCreatedAt()));
        }
    }

    @GET
    public List<WindowJson> list() {
        return windows.list(caller).stream().map(WindowJson::of).toList();
    }

    @POST
    public Response plan(MaintenanceDefinition definition) {
        if (definition == null) {
            throw new IllegalArgumentException("a maintenance window is required as the JSON body");
        }
        MaintenanceWindow window = windows.plan(caller, definition);
        return Response.created(URI.create("maintenance-windows/" + window.getId())).entity(WindowJson.of(window))
                .build();
    }

    @GET
    @Path("/{id}")
    public WindowJson get(@PathParam("id") long id) {
        return WindowJson.of(windows.get(caller, id));
    }

    @DELETE
    @Path("/{id}")
    public Response cancel(@PathParam("id") long id) {
        windows.cancel(caller, id);
        return Response.noContent().build();
    }
}

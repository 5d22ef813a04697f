package io.vantage.web.api;

import io.vantage.AgentUnavailableException;
import io.vantage.diagnostics.NodeDiagnostics;
import io.vantage.diagnostics.ProcessListing;
import io.vantage.diagnostics.ProcessOrder;
import io.vantage.security.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * A node's processes right now, top-like, fetched from its connected agent at each call: {@code GET
 * /nodes/{id}/processes?limit=20&sort=cpu}. Nothing is stored; a client wanting it live asks again every few
 * seconds, and each answer's CPU percentages cover the time since the previous one.
 */
@Path("/nodes/{id}/processes")
@Produces(MediaType.APPLICATION_JSON)
public class NodeProcessesResource {

    @Inject
    Caller caller;

    @Inject
    NodeDiagnostics diagnostics;

    /**
     * @param limit how many processes, 1 to 500 (default 20)
     * @param sort  {@code cpu} (default) or {@code memory}
     */
    @GET
    public ProcessesJson processes(@PathParam("id") long id, @QueryParam("limit") String limit,
                                   @QueryParam("sort") String sort) {
        ProcessOrder order = sort == null ? ProcessOrder.CPU : ProcessOrder.named(sort);
        return ProcessesJson.of(diagnostics.processes(caller, id, limit(limit), order));
    }

    /** Read by hand: JAX-RS answers a query parameter it cannot convert with 404, which would say "no such node". */
    private static int limit(String text) {
        if (text == null) {
            return 20;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit must be a whole number from 1 to 500, was '" + text + "'");
        }
    }

    /**
     * The answer.
     *
     * @param nodeId            the node
     * @param nodeName          its name
     * @param agentId           the agent that answered
     * @param takenAt           when the agent took the listing (ISO-8601, the agent's clock)
     * @param takenAtMillis     the same in epoch milliseconds
     * @param cpuIntervalMillis the time the CPU percentages cover: since the agent's previous listing when that was
     *                          at most a minute ago, else half a second it measured
     * @param totalProcesses    how many processes the node runs, listed or not
     * @param sort              {@code cpu} or {@code memory}
     * @param processes         the busiest first
     */
    public record ProcessesJson(long nodeId, String nodeName, String agentId, String takenAt, long takenAtMillis,
                                long cpuIntervalMillis, long totalProcesses, String sort, List<ProcessJson> processes) {

        static ProcessesJson of(ProcessListing listing) {
            return new ProcessesJson(listing.nodeId(), listing.nodeName(), listing.agentId(),
                    listing.takenAt().toString(), listing.takenAt().toEpochMilli(), listing.cpuIntervalMillis(),
                    listing.totalProcesses(), listing.order().name().toLowerCase(java.util.Locale.ROOT),
                    listing.processes().stream().map(p -> new ProcessJson(p.pid(), p.user(),
                            Math.round(p.cpuPercent() * 10) / 10.0, p.residentBytes(), p.command())).toList());
        }
    }

    /**
     * One process.
     *
     * @param pid           its id
     * @param user          its effective user, or the uid in digits
     * @param cpuPercent    percent of one CPU over the interval, one decimal (200.0 is two busy cores)
     * @param residentBytes resident memory (RSS) in bytes
     * @param command       its command line (at most 512 bytes), or {@code [name]} for a kernel thread
     */
    public record ProcessJson(long pid, String user, double cpuPercent, long residentBytes, String command) {
    }

    /**
     * A node whose agent cannot answer: 409 when none is connected or it is too old to be asked, 503 when it is busy,
     * 504 when it did not answer in time, 502 when it failed.
     */
    @Provider
    public static class AgentUnavailable implements ExceptionMapper<AgentUnavailableException> {
        @Override
        public Response toResponse(AgentUnavailableException e) {
            switch (e.reason()) {
                case NOT_CONNECTED:
                    return ApiExceptionMappers.error(Response.Status.CONFLICT, "agent_not_connected", e.getMessage());
                case OUTDATED:
                    return ApiExceptionMappers.error(Response.Status.CONFLICT, "agent_outdated", e.getMessage());
                case BUSY:
                    return ApiExceptionMappers.error(Response.Status.SERVICE_UNAVAILABLE, "agent_busy", e.getMessage());
                case TIMED_OUT:
                    return ApiExceptionMappers.error(Response.Status.GATEWAY_TIMEOUT, "agent_timeout", e.getMessage());
                default:
                    return ApiExceptionMappers.error(Response.Status.BAD_GATEWAY, "agent_error", e.getMessage());
            }
        }
    }
}

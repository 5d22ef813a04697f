package io.vantage.web.api;

import io.vantage.checks.NodeChecks;
import io.vantage.persistence.checks.CheckResult;
import io.vantage.security.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The results of a node's agent checks (Nagios-compatible plugins the agent runs): {@code GET /nodes/{id}/checks}
 * lists the latest result of each check, {@code GET /nodes/{id}/checks/{name}} adds one check's recent history. The
 * numbers of the same runs are the node's {@code check.<name>.*} metrics.
 */
@Path("/nodes/{id}/checks")
@Produces(MediaType.APPLICATION_JSON)
public class NodeChecksResource {

    private static final int DEFAULT_HISTORY = 100;

    @Inject
    Caller caller;

    @Inject
    NodeChecks checks;

    /** The latest result of each check, by name. */
    @GET
    public List<CheckJson> latest(@PathParam("id") long id) {
        return checks.latest(caller, id).orElseThrow(() -> NotFound.node(id)).stream().map(CheckJson::of).toList();
    }

    /**
     * One check's latest result and its results before, newest first, from the last 7 days.
     *
     * @param limit how many results of the history, 1 to 1,000 (default 100)
     */
    @GET
    @Path("/{name}")
    public CheckHistoryJson history(@PathParam("id") long id, @PathParam("name") String name,
                                    @QueryParam("limit") String limit) {
        NodeChecks.CheckHistory history = checks.history(caller, id, name, limit(limit))
                .orElseThrow(() -> NotFound.node(id));
        CheckResult latest = history.latest();
        return new CheckHistoryJson(id, latest.check(), latest.state().name(), latest.state().code(), latest.text(),
                latest.finishedAt().toString(), latest.finishedAt().toEpochMilli(), latest.durationMillis(),
                history.recent().stream().map(RunJson::of).toList());
    }

    /** Read by hand: JAX-RS answers a query parameter it cannot convert with 404, which would say "no such node". */
    private static int limit(String text) {
        if (text == null) {
            return DEFAULT_HISTORY;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit must be a whole number from 1 to " + NodeChecks.MAX_HISTORY
                    + ", was '" + text + "'");
        }
    }

    /**
     * The latest result of one check.
     *
     * @param name           the check's name, as in its metrics {@code check.<name>.*}
     * @param status         {@code OK}, {@code WARNING}, {@code CRITICAL} or {@code UNKNOWN}
     * @param statusCode     the same as the plugin's exit code and the {@code check.<name>.status} value, 0 to 3
     * @param text           what the plugin said (its first output line, at most 1 KiB)
     * @param finishedAt     when the run ended (ISO-8601, the agent's clock)
     * @param finishedAtMillis the same in epoch milliseconds
     * @param durationMillis how long the run took
     */
    public record CheckJson(String name, String status, int statusCode, String text, String finishedAt,
                            long finishedAtMillis, long durationMillis) {

        static CheckJson of(CheckResult result) {
            return new CheckJson(result.check(), result.state().name(), result.state().code(), result.text(),
                    result.finishedAt().toString(), result.finishedAt().toEpochMilli(), result.durationMillis());
        }
    }

    /**
     * One check: its latest result, and its results before.
     *
     * @param nodeId  the node
     * @param history the check's results, newest first, the latest among them
     */
    public record CheckHistoryJson(long nodeId, String name, String status, int statusCode, String text,
                                   String finishedAt, long finishedAtMillis, long durationMillis,
                                   List<RunJson> history) {
    }

    /** One past result of a check; the fields mean what they mean in {@link CheckJson}. */
    public record RunJson(String status, int statusCode, String text, String finishedAt, long finishedAtMillis,
                          long durationMillis) {

        static RunJson of(CheckResult result) {
            return new RunJson(result.state().name(), result.state().code(), result.text(),
                    result.finishedAt().toString(), result.finishedAt().toEpochMilli(), result.durationMillis());
        }
    }
}

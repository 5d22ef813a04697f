package io.vantage.connector.outbound;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.vantage.connector.api.AgentRequestException;
import io.vantage.connector.api.AgentRequestException.Reason;
import io.vantage.connector.api.ProcessList;
import io.vantage.connector.api.ProcessList.ProcessInfo;
import io.vantage.connector.api.ProcessQuery;
import io.vantage.connector.server.AgentServer;
import io.vantage.protocol.ProcessTable;
import io.vantage.protocol.RequestKinds;
import io.vantage.protocol.Response;
import io.vantage.protocol.ResponseStatus;

/** Turns the application's process query into a protocol request and the agent's response into its answer. */
final class ProcessRequests {

    private ProcessRequests() {
    }

    /** @param server the running agent listener, or {@code null} when the adapter is not started */
    static CompletionStage<ProcessList> ask(AgentServer server, String agentId, ProcessQuery query, Duration timeout) {
        if (server == null) {
            return failed(Reason.UNAVAILABLE, "the agent connector is not running");
        }
        // never more than the worst-case answer fits in a frame: an answer over the limit would close the connection
        int limit = Math.max(1, Math.min(query.limit(), server.maxProcessEntries()));
        boolean byMemory = query.sort() == ProcessQuery.ProcessSort.MEMORY;
        return server.requests().send(agentId, id -> RequestKinds.processes(id, limit, byMemory), timeout)
                .thenCompose(response -> answer(agentId, response));
    }

    private static CompletionStage<ProcessList> answer(String agentId, Response response) {
        if (response.status() == ResponseStatus.UNSUPPORTED) {
            return failed(Reason.UNSUPPORTED, "agent " + agentId + " cannot list processes: " + response.message());
        }
        if (response.status() != ResponseStatus.OK || !(response.body() instanceof ProcessTable table)) {
            return failed(Reason.FAILED, "agent " + agentId + " could not list processes: " + response.message());
        }
        return CompletableFuture.completedFuture(new ProcessList(agentId, table.takenAtMillis(),
                table.cpuIntervalMillis(), table.totalProcesses(), table.entries().stream()
                .map(e -> new ProcessInfo(e.pid(), e.user(), e.cpuPercent(), e.residentBytes(), e.command()))
                .toList()));
    }

    private static CompletionStage<ProcessList> failed(Reason reason, String message) {
        return CompletableFuture.failedFuture(new AgentRequestException(reason, message));
    }
}

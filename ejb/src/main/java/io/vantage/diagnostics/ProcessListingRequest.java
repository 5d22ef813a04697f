package io.vantage.diagnostics;

import io.vantage.AgentUnavailableException;
import io.vantage.AgentUnavailableException.Reason;
import io.vantage.connector.api.AgentRequestException;
import io.vantage.connector.api.AgentRequests;
import io.vantage.connector.api.ProcessList;
import io.vantage.connector.api.ProcessQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Gets a node's process list from one of its agents: those connected to this instance first, most recently seen
 * first, then through the other instances; and turns every way of failing into an {@link AgentUnavailableException}
 * that names the node. Plain Java, so that its decisions are tested without a server.
 */
final class ProcessListingRequest {

    /** Beyond the adapter's own timeout, which always ends the wait first; this only guards against a lost answer. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final AgentRequests local;
    private final OtherInstances others;
    private final Duration timeout;

    ProcessListingRequest(AgentRequests local, OtherInstances others, Duration timeout) {
        this.local = local;
        this.others = others;
        this.timeout = timeout;
    }

    /**
     * @param agentIds the node's enabled agents, the most recently seen first
     * @throws AgentUnavailableException when no agent could answer
     */
    ProcessListing ask(long nodeId, String nodeName, List<String> agentIds, ProcessQuery query, ProcessOrder order) {
        String outdated = null;
        for (String agentId : agentIds) {
            try {
                return listing(nodeId, nodeName, order, await(local.processes(agentId, query, timeout)));
            } catch (AgentRequestException e) {
                if (e.reason() == AgentRequestException.Reason.PROTOCOL_TOO_OLD) {
                    outdated = e.getMessage();
                } else if (e.reason() != AgentRequestException.Reason.NOT_CONNECTED) {
                    throw unavailable(nodeId, nodeName, e);
                }
            }
        }
        if (outdated != null) {
            throw new AgentUnavailableException(Reason.OUTDATED, "the agent of node " + nodeName + " cannot be asked "
                    + "for a process list: " + outdated);
        }
        for (String agentId : agentIds) {
            try {
                Optional<ProcessList> elsewhere = others.processes(agentId, query, timeout);
                if (elsewhere.isPresent()) {
                    return listing(nodeId, nodeName, order, elsewhere.get());
                }
            } catch (AgentRequestException e) {
                throw unavailable(nodeId, nodeName, e);
            }
        }
        throw new AgentUnavailableException(Reason.NOT_CONNECTED, "no agent connected to node " + nodeName
                + " (" + nodeId + ")");
    }

    private ProcessList await(java.util.concurrent.CompletionStage<ProcessList> answer) throws AgentRequestException {
        try {
            return answer.toCompletableFuture().get(timeout.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof AgentRequestException known) {
                throw known;
            }
            throw new AgentRequestException(AgentRequestException.Reason.FAILED, String.valueOf(cause));
        } catch (TimeoutException e) {
            throw new AgentRequestException(AgentRequestException.Reason.TIMED_OUT, "no answer within "
                    + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentRequestException(AgentRequestException.Reason.TIMED_OUT, "interrupted while waiting");
        }
    }

    private static ProcessListing listing(long nodeId, String nodeName, ProcessOrder order, ProcessList list) {
        return new ProcessListing(nodeId, nodeName, list.agentId(), Instant.ofEpochMilli(list.takenAtMillis()),
                list.cpuIntervalMillis(), list.totalProcesses(), order, list.processes().stream()
                .map(p -> new ProcessListing.Process(p.pid(), p.user(), p.cpuPercent(), p.residentBytes(), p.command()))
                .toList());
    }

    private static AgentUnavailableException unavailable(long nodeId, String nodeName, AgentRequestException e) {
        String node = "node " + nodeName + " (" + nodeId + ")";
        switch (e.reason()) {
            case TIMED_OUT:
                return new AgentUnavailableException(Reason.TIMED_OUT, "the agent of " + node + " did not answer in "
                        + "time: " + e.getMessage());
            case BUSY:
                return new AgentUnavailableException(Reason.BUSY, "the agent of " + node + " is busy with other "
                        + "requests; try again in a moment");
            default:
                return new AgentUnavailableException(Reason.FAILED, "the agent of " + node + " could not list its "
                        + "processes: " + e.getMessage());
        }
    }
}

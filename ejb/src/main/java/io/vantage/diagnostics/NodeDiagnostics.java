package io.vantage.diagnostics;

import io.vantage.AgentUnavailableException;
import io.vantage.InvalidInputException;
import io.vantage.UnknownIdException;
import io.vantage.connector.api.AgentRequests;
import io.vantage.connector.api.ProcessQuery;
import io.vantage.persistence.inventory.Node;
import io.vantage.persistence.inventory.NodeRepository;
import io.vantage.security.Caller;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Live diagnostics of a node, fetched from its agent when asked: for the REST API and the console's node page, which
 * calls it again for every refresh. Scoped like everything else: another organization's node is not found.
 *
 * <p>Runs outside any transaction: waiting seconds for an agent must not hold a database connection.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NodeDiagnostics {

    /** How long an agent may take; a first listing alone takes half a second of measuring. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Resource(lookup = "java:/vantage/AgentRequests")
    AgentRequests requests;

    @Inject
    NodeRepository nodes;

    @Inject
    NodeAgents agents;

    @Inject
    OtherInstances others;

    /** The node's {@code limit} busiest processes by CPU; see {@link #processes(Caller, long, int, ProcessOrder)}. */
    public ProcessListing processes(Caller caller, long nodeId, int limit) {
        return processes(caller, nodeId, limit, ProcessOrder.CPU);
    }

    /**
     * The node's {@code limit} busiest processes, as its agent sees them now.
     *
     * @param limit 1 to {@value ProcessQuery#MAX_LIMIT}; the agent connector may list fewer, to fit its frame limit
     * @throws UnknownIdException        when the caller's organization has no such node
     * @throws InvalidInputException     when the limit is out of range
     * @throws AgentUnavailableException when no agent of the node could answer, saying why
     */
    public ProcessListing processes(Caller caller, long nodeId, int limit, ProcessOrder order) {
        if (limit < 1 || limit > ProcessQuery.MAX_LIMIT) {
            throw new InvalidInputException("limit must be 1.." + ProcessQuery.MAX_LIMIT + ", was " + limit);
        }
        Node node = nodes.find(caller.organizationId(), nodeId).orElseThrow(() -> new UnknownIdException("node", nodeId));
        ProcessQuery query = new ProcessQuery(limit, order == ProcessOrder.MEMORY
                ? ProcessQuery.ProcessSort.MEMORY : ProcessQuery.ProcessSort.CPU);
        try {
            return new ProcessListingRequest(requests, others, TIMEOUT).ask(nodeId, node.getName(),
                    agents.enabledAgentsOf(caller.organizationId(), nodeId), query, order);
        } catch (AgentUnavailableException e) {
            DiagnosticsLog.unanswered(nodeId, e.reason().name(), e.getMessage());
            throw e;
        }
    }
}

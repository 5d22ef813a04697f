package io.vantage.agents;

import io.vantage.ServiceLog;
import io.vantage.connector.api.AgentCredentials;
import io.vantage.connector.api.AgentRejectedException;
import io.vantage.events.AsyncEvents;
import io.vantage.events.NodeChanged;
import io.vantage.persistence.agents.Agent;
import io.vantage.persistence.agents.AgentRepository;
import io.vantage.persistence.inventory.Node;
import io.vantage.persistence.inventory.NodeRepository;
import io.vantage.security.Secrets;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * Decides whether an agent may report: its id must name an enabled agent and its key must match. The first
 * admission binds the agent to the node named by the hostname it gives, creating the node when it is new.
 */
@Stateless
public class AgentAdmissions {

    /** Said to every rejected agent alike, so a caller cannot probe which agent ids exist. */
    static final String REJECTED = "unknown agent id or wrong key";

    @Inject
    AgentRepository agents;

    @Inject
    NodeRepository nodes;

    @Inject
    AgentDirectory directory;

    @Inject
    AsyncEvents asyncEvents;

    @Inject
    Clock clock;

    public AgentIdentity admit(AgentCredentials credentials) throws AgentRejectedException {
        Agent agent = agents.findByAgentId(credentials.agentId())
                .filter(a -> Secrets.matches(credentials.agentKey(), a.getKeyHash()))
                .orElseThrow(() -> reject(credentials, REJECTED));
        if (!agent.isEnabled()) {
            throw reject(credentials, "agent is disabled");
        }
        Instant now = clock.instant();
        boolean nodeChanged = false;
        if (agent.getNode() == null) {
            agent.reportsFor(nodeNamed(agent, credentials.hostname(), now));
            nodeChanged = true;
        }
        Node node = agent.getNode();
        node.seenAt(now);
        String address = AgentAddresses.hostOf(credentials.remoteAddress());
        if (address != null && node.addAddress(address)) {
            nodeChanged = true;
        }
        if (nodeChanged) {
            // monitors whose queries select the new node, or its new address, apply to it
            asyncEvents.publishAfterCommit(new NodeChanged(agent.getOrganization().getId(), node.getId()));
        }
        agent.admitted(now, credentials.remoteAddress(), credentials.agentVersion());
        AgentIdentity identity = new AgentIdentity(agent.getAgentId(), agent.getOrganization().getId(), node.getId(),
                node.getName());
        directory.admitted(identity);
        ServiceLog.agentAdmitted(agent.getAgentId(), node.getName(), credentials.remoteAddress());
        return identity;
    }

    private Node nodeNamed(Agent agent, String hostname, Instant now) {
        long organizationId = agent.getOrganization().getId();
        return nodes.findByName(organizationId, hostname)
                .orElseGet(() -> nodes.add(new Node(agent.getOrganization(), hostname, now)));
    }

    private static AgentRejectedException reject(AgentCredentials credentials, String reason) {
        ServiceLog.agentRejected(credentials.agentId(), credentials.remoteAddress(), reason);
        return new AgentRejectedException(REJECTED);
    }
}

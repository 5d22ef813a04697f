package io.vantage.diagnostics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Which agents report a node. Normally one; more when several agents gave the same hostname. The relational store
 * is asked rather than {@code AgentDirectory}, which knows only the agents admitted on this instance (and never
 * forgets one that disconnected), while the agent may be connected to another instance.
 */
@ApplicationScoped
public class NodeAgents {

    @PersistenceContext(unitName = "vantage")
    EntityManager em;

    /** The node's enabled agents' ids, the most recently admitted first. */
    public List<String> enabledAgentsOf(long organizationId, long nodeId) {
        return em.createQuery("select a.agentId from Agent a where a.organization.id = :org and a.node.id = :node"
                        + " and a.enabled = true order by a.lastSeenAt desc nulls last, a.id", String.class)
                .setParameter("org", organizationId)
                .setParameter("node", nodeId)
                .getResultList();
    }
}

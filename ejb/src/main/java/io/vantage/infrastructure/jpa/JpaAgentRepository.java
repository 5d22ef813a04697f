package io.vantage.infrastructure.jpa;

import io.vantage.persistence.agents.Agent;
import io.vantage.persistence.agents.AgentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Agents in the relational store. */
@ApplicationScoped
public class JpaAgentRepository implements AgentRepository {

    @PersistenceContext(unitName = "vantage")
    EntityManager em;

    @Override
    public Optional<Agent> findByAgentId(String agentId) {
        return em.createQuery("select a from Agent a join fetch a.organization left join fetch a.node"
                        + " where a.agentId = :agentId", Agent.class)
                .setParameter("agentId", agentId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<Agent> findAll(long organizationId) {
        return em.createQuery("select a from Agent a left join fetch a.node where a.organization.id = :org"
                        + " order by a.name", Agent.class)
                .setParameter("org", organizationId)
                .getResultList();
    }

    @Override
    public Agent add(Agent agent) {
        em.persist(agent);
        return agent;
    }
}

package io.vantage.persistence.agents;

import java.util.List;
import java.util.Optional;

/** Registered agents. The public agent id is unique across organizations. */
public interface AgentRepository {

    Optional<Agent> findByAgentId(String agentId);

    List<Agent> findAll(long organizationId);

    Agent add(Agent agent);
}

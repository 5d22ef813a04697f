package io.vantage.agents;

import io.vantage.persistence.agents.Agent;
import io.vantage.persistence.agents.AgentRepository;
import io.vantage.persistence.inventory.Organization;
import io.vantage.persistence.inventory.OrganizationRepository;
import io.vantage.security.Caller;
import io.vantage.security.Secrets;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/** Registers agents and lists them. A new agent's key is shown once, at registration, and only its hash is kept. */
@Stateless
public class AgentRegistry {

    static final String KEY_PREFIX = "vk_";

    @Inject
    AgentRepository agents;

    @Inject
    OrganizationRepository organizations;

    @Inject
    Clock clock;

    /** Registers an agent in the caller's organization. */
    public RegisteredAgent register(Caller caller, String name) {
        Organization organization = organizations.find(caller.organizationId())
                .orElseThrow(() -> new IllegalStateException("caller has no organization"));
        String agentId = Secrets.newIdentifier();
        String key = Secrets.newSecret(KEY_PREFIX);
        Agent agent = agents.add(new Agent(organization, agentId, name, Secrets.hash(key), clock.instant()));
        return new RegisteredAgent(agent.getAgentId(), agent.getName(), key);
    }

    public List<Agent> list(Caller caller) {
        return agents.findAll(caller.organizationId());
    }
}

package io.vantage.agents;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agents admitted on this server, by agent id, so that each batch finds its organization and node without a
 * database round trip. An agent's entry is refreshed each time it is admitted.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AgentDirectory {

    private final Map<String, AgentIdentity> admitted = new ConcurrentHashMap<>();

    public void admitted(AgentIdentity identity) {
        admitted.put(identity.agentId(), identity);
    }

    public Optional<AgentIdentity> find(String agentId) {
        return Optional.ofNullable(admitted.get(agentId));
    }

    /** Forgets an agent, for example when it is disabled, so its next batch must be admitted again. */
    public void forget(String agentId) {
        admitted.remove(agentId);
    }
}

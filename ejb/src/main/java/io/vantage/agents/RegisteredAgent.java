package io.vantage.agents;

/**
 * An agent just registered, with the key it must present: the only moment the key is known to Vantage.
 *
 * @param agentId the id the agent says in its hello
 * @param name    what the operator called it
 * @param key     the agent's secret key
 */
public record RegisteredAgent(String agentId, String name, String key) {
}

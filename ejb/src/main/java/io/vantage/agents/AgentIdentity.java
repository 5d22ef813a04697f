package io.vantage.agents;

import java.io.Serializable;

/**
 * Where an admitted agent's samples belong.
 *
 * @param agentId        the agent's public id
 * @param organizationId its organization
 * @param nodeId         the node it reports
 * @param hostname       the node's name
 */
public record AgentIdentity(String agentId, long organizationId, long nodeId, String hostname) implements Serializable {
}

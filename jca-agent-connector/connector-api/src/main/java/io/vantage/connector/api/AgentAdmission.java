package io.vantage.connector.api;

import java.io.Serializable;

/**
 * The application's yes to an agent.
 *
 * @param agentId            the admitted agent
 * @param lastStoredSequence the highest batch sequence already stored for it, 0 when none
 */
public record AgentAdmission(String agentId, long lastStoredSequence) implements Serializable {
}

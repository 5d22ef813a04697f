package io.vantage.connector.api;

import java.io.Serializable;

/**
 * Who an agent says it is, as it said it in its hello.
 *
 * @param agentId       the agent's identifier
 * @param agentKey      the agent's secret key
 * @param hostname      the machine the agent reports
 * @param agentVersion  the agent's software version
 * @param remoteAddress the address the connection comes from, for the audit trail
 */
public record AgentCredentials(String agentId, String agentKey, String hostname, String agentVersion,
                               String remoteAddress) implements Serializable {

    /** Keeps the key out of logs. */
    @Override
    public String toString() {
        return "AgentCredentials[agentId=" + agentId + ", hostname=" + hostname + ", remoteAddress=" + remoteAddress + "]";
    }
}

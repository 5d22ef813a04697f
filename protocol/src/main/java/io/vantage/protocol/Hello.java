package io.vantage.protocol;

import java.util.Objects;

/**
 * The first frame an agent sends: the protocol versions it speaks, who it is and its key.
 *
 * @param minVersion   the oldest protocol version the agent speaks
 * @param maxVersion   the newest protocol version the agent speaks
 * @param agentId      the agent's identifier, issued with its key
 * @param agentKey     the secret that proves the agent is who it says
 * @param hostname     the name of the machine the agent reports
 * @param agentVersion the agent's software version, for the operator's eyes
 */
public record Hello(int minVersion, int maxVersion, String agentId, String agentKey, String hostname,
                    String agentVersion) implements Frame {

    public Hello {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(agentKey, "agentKey");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(agentVersion, "agentVersion");
    }

    @Override
    public FrameType type() {
        return FrameType.HELLO;
    }

    /** Keeps the key out of logs. */
    @Override
    public String toString() {
        return "Hello[versions=" + minVersion + ".." + maxVersion + ", agentId=" + agentId + ", hostname=" + hostname
                + ", agentVersion=" + agentVersion + "]";
    }
}

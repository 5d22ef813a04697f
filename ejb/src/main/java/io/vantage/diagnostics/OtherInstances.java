package io.vantage.diagnostics;

import io.vantage.connector.api.AgentRequestException;
import io.vantage.connector.api.ProcessList;
import io.vantage.connector.api.ProcessQuery;
import java.time.Duration;
import java.util.Optional;

/**
 * The seam for agents connected to another server instance: an agent holds one connection, to one instance, so the
 * instance a request arrives at may not be the one that can ask the agent. {@link NodeDiagnostics} tries its own
 * adapter first and only then asks here. EVENTS.md ("Live diagnostics across instances") describes the fan-out over
 * JMS with a reply-to that would implement it; until then {@link SingleInstance} says no other instance has it.
 */
public interface OtherInstances {

    /**
     * The agent's process list, fetched by whichever other instance the agent is connected to.
     *
     * @return empty when no other instance has the agent connected
     * @throws AgentRequestException when the instance that has it could not get an answer
     */
    Optional<ProcessList> processes(String agentId, ProcessQuery query, Duration timeout) throws AgentRequestException;
}

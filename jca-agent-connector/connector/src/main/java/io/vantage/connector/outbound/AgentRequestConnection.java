package io.vantage.connector.outbound;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

import io.vantage.connector.api.ProcessList;
import io.vantage.connector.api.ProcessQuery;

/**
 * A connection handle of the outbound side, in the JCA sense: the application's right to use the adapter's agent
 * connections for a while. The application never sees it; {@link AgentRequestsConnectionFactory} takes one for each
 * request and closes it once the request is sent.
 */
public interface AgentRequestConnection extends AutoCloseable {

    /** Sends a process request; see {@link io.vantage.connector.api.AgentRequests#processes}. */
    CompletionStage<ProcessList> processes(String agentId, ProcessQuery query, Duration timeout);

    /** Gives the handle back to the container's pool. */
    @Override
    void close();
}

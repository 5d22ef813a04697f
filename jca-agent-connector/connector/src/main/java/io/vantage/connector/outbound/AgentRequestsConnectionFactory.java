package io.vantage.connector.outbound;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import javax.naming.Reference;

import io.vantage.connector.api.AgentRequestException;
import io.vantage.connector.api.AgentRequestException.Reason;
import io.vantage.connector.api.AgentRequests;
import io.vantage.connector.api.ProcessList;
import io.vantage.connector.api.ProcessQuery;
import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;

/**
 * What the application finds in JNDI ({@code java:/vantage/AgentRequests}): each request takes a connection handle
 * from the container's connection manager, sends through it and closes it at once; the answer arrives later on its
 * own, so a handle is never held while an agent thinks.
 */
public final class AgentRequestsConnectionFactory implements AgentRequests, Serializable, Referenceable {

    private static final long serialVersionUID = 1L;

    private final AgentRequestsManagedConnectionFactory factory;
    private final ConnectionManager manager;
    private Reference reference;

    AgentRequestsConnectionFactory(AgentRequestsManagedConnectionFactory factory, ConnectionManager manager) {
        this.factory = factory;
        this.manager = manager;
    }

    @Override
    public CompletionStage<ProcessList> processes(String agentId, ProcessQuery query, Duration timeout) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(timeout, "timeout");
        AgentRequestConnection connection;
        try {
            connection = (AgentRequestConnection) manager.allocateConnection(factory, null);
        } catch (ResourceException e) {
            return CompletableFuture.failedFuture(new AgentRequestException(Reason.UNAVAILABLE,
                    "no connection to the agent connector: " + e.getMessage()));
        }
        try {
            return connection.processes(agentId, query, timeout);
        } finally {
            connection.close();
        }
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}

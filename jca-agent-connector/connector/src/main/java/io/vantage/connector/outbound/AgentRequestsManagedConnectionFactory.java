package io.vantage.connector.outbound;

import java.io.PrintWriter;
import java.util.Set;

import javax.security.auth.Subject;

import io.vantage.connector.AgentResourceAdapter;
import io.vantage.connector.api.AgentRequests;
import io.vantage.connector.server.AgentServer;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;

/**
 * The agent connector's outbound connection definition: lets the application ask connected agents for things
 * (protocol version 2) through {@link AgentRequests}. It belongs to the same adapter instance that owns the agents'
 * sockets, which the container hands it through {@link #setResourceAdapter}; ironjacamar.xml binds its factory at
 * {@code java:/vantage/AgentRequests}. It has no settings: what limits requests (frame size, timeouts) is the
 * listener's and the caller's.
 */
@ConnectionDefinition(connectionFactory = AgentRequests.class,
        connectionFactoryImpl = AgentRequestsConnectionFactory.class,
        connection = AgentRequestConnection.class,
        connectionImpl = AgentRequestConnectionHandle.class)
public class AgentRequestsManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation {

    private static final long serialVersionUID = 1L;

    private transient AgentResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;

    @Override
    public Object createConnectionFactory(ConnectionManager manager) {
        return new AgentRequestsConnectionFactory(this, manager);
    }

    /** A factory for use outside a container, without pooling. */
    @Override
    public Object createConnectionFactory() {
        return new AgentRequestsConnectionFactory(this, new DirectConnectionManager());
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) {
        return new AgentRequestManagedConnection(this);
    }

    /** Every managed connection of this factory serves every request alike: any will do. */
    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set candidates, Subject subject, ConnectionRequestInfo info) {
        for (Object candidate : candidates) {
            if (candidate instanceof AgentRequestManagedConnection managed && managed.factory() == this) {
                return managed;
            }
        }
        return null;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter adapter) throws ResourceException {
        if (!(adapter instanceof AgentResourceAdapter agents)) {
            throw new ResourceException("agent requests go through the agent connector only, not " + adapter);
        }
        resourceAdapter = agents;
    }

    /** The adapter's running listener, or {@code null} when it is not started or not associated. */
    AgentServer agentServer() {
        AgentResourceAdapter adapter = resourceAdapter;
        return adapter == null ? null : adapter.agentServer();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    /** No settings, so factories differ only by the adapter they serve (JCA 6.5.3.4). */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof AgentRequestsManagedConnectionFactory that
                && resourceAdapter == that.resourceAdapter;
    }

    @Override
    public int hashCode() {
        return AgentRequestsManagedConnectionFactory.class.hashCode();
    }
}

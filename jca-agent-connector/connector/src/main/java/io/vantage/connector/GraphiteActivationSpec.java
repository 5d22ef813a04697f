package io.vantage.connector;

import io.vantage.connector.api.GraphiteListener;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;

/**
 * Binds a message-driven bean implementing {@link GraphiteListener} to the connector's Graphite listener. Like
 * {@link AgentActivationSpec} it has no settings: the port and its limits belong to the adapter, which spreads
 * batches over all active Graphite endpoints.
 */
@Activation(messageListeners = GraphiteListener.class)
public class GraphiteActivationSpec implements ActivationSpec {

    private ResourceAdapter resourceAdapter;

    /** Nothing to check: the activation spec carries no settings, and the adapter validates its own. */
    @Override
    public void validate() throws InvalidPropertyException {
        // deliberately empty, see the Javadoc
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) throws ResourceException {
        if (!(resourceAdapter instanceof AgentResourceAdapter)) {
            throw new ResourceException("a Graphite endpoint can only be activated on the agent connector, not on "
                    + resourceAdapter);
        }
        this.resourceAdapter = resourceAdapter;
    }

    @Override
    public String toString() {
        return "GraphiteActivationSpec@" + Integer.toHexString(System.identityHashCode(this));
    }
}

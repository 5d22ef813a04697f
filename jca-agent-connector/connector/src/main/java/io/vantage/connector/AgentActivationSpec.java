package io.vantage.connector;

import io.vantage.connector.api.AgentListener;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;

/**
 * Binds a message-driven bean implementing {@link AgentListener} to the agent connector. An endpoint has no
 * settings of its own: the socket, its limits and the protocol belong to the adapter, which spreads agents over
 * all active endpoints.
 */
@Activation(messageListeners = AgentListener.class)
public class AgentActivationSpec implements ActivationSpec {

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
            throw new ResourceException("an agent endpoint can only be activated on the agent connector, not on "
                    + resourceAdapter);
        }
        this.resourceAdapter = resourceAdapter;
    }

    @Override
    public String toString() {
        return "AgentActivationSpec@" + Integer.toHexString(System.identityHashCode(this));
    }
}

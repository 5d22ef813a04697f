package io.vantage.connector;

import java.lang.reflect.Method;

import io.vantage.connector.api.AgentAdmission;
import io.vantage.connector.api.AgentBatch;
import io.vantage.connector.api.AgentCredentials;
import io.vantage.connector.api.AgentListener;
import io.vantage.connector.api.AgentRejectedException;
import io.vantage.connector.api.BatchNotStoredException;
import io.vantage.connector.api.BatchRejectedException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

/** One activated MDB implementing {@link AgentListener}, seen as an AgentListener; see {@link EndpointActivation}. */
final class AgentActivation extends EndpointActivation<AgentListener> implements AgentListener {

    private static final Method ADMIT = listenerMethod(AgentListener.class, "admit", AgentCredentials.class);
    private static final Method DELIVER = listenerMethod(AgentListener.class, "deliver", AgentBatch.class);

    AgentActivation(MessageEndpointFactory factory, AgentActivationSpec spec) {
        super(factory, spec, AgentListener.class);
    }

    @Override
    public AgentAdmission admit(AgentCredentials credentials) throws AgentRejectedException {
        return invoke(ADMIT, listener -> listener.admit(credentials));
    }

    @Override
    public void deliver(AgentBatch batch) throws BatchNotStoredException, BatchRejectedException {
        try {
            // spelled out: inference would merge the two checked exceptions into Exception
            this.<Void, BatchNotStoredException, BatchRejectedException>invoke(DELIVER, listener -> {
                listener.deliver(batch);
                return null;
            });
        } catch (EndpointUnavailableException e) {
            throw new BatchNotStoredException(e.getMessage(), e);
        }
    }
}

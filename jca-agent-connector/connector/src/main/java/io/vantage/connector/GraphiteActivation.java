package io.vantage.connector;

import java.lang.reflect.Method;

import io.vantage.connector.api.BatchNotStoredException;
import io.vantage.connector.api.BatchRejectedException;
import io.vantage.connector.api.GraphiteBatch;
import io.vantage.connector.api.GraphiteListener;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

/**
 * One activated MDB implementing {@link GraphiteListener}, seen as a GraphiteListener; see
 * {@link EndpointActivation}. An endpoint that cannot take the call makes the batch "not stored", so the Graphite
 * listener keeps it and offers it again.
 */
final class GraphiteActivation extends EndpointActivation<GraphiteListener> implements GraphiteListener {

    private static final Method DELIVER = listenerMethod(GraphiteListener.class, "deliver", GraphiteBatch.class);

    GraphiteActivation(MessageEndpointFactory factory, GraphiteActivationSpec spec) {
        super(factory, spec, GraphiteListener.class);
    }

    @Override
    public void deliver(GraphiteBatch batch) throws BatchNotStoredException, BatchRejectedException {
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

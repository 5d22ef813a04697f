package io.vantage.connector;

import io.vantage.connector.api.BatchNotStoredException;
import io.vantage.connector.api.BatchRejectedException;
import io.vantage.connector.api.GraphiteBatch;
import io.vantage.connector.api.GraphiteListener;

/**
 * The listener the Graphite server talks to: each batch goes to the next active Graphite endpoint. With none
 * active (no MDB deployed yet, or one being redeployed) the batch is "not stored", so the server keeps it, stops
 * reading that connection and offers it again later; nothing is dropped.
 */
final class GraphiteEndpoints implements GraphiteListener {

    private final ActivationRouter<GraphiteActivation> router;

    GraphiteEndpoints(ActivationRouter<GraphiteActivation> router) {
        this.router = router;
    }

    @Override
    public void deliver(GraphiteBatch batch) throws BatchNotStoredException, BatchRejectedException {
        GraphiteActivation activation;
        try {
            activation = router.next();
        } catch (EndpointUnavailableException e) {
            throw new BatchNotStoredException(e.getMessage(), e);
        }
        activation.deliver(batch);
    }
}

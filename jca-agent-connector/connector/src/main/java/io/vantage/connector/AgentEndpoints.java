package io.vantage.connector;

import io.vantage.connector.api.AgentAdmission;
import io.vantage.connector.api.AgentBatch;
import io.vantage.connector.api.AgentCredentials;
import io.vantage.connector.api.AgentListener;
import io.vantage.connector.api.AgentRejectedException;
import io.vantage.connector.api.BatchNotStoredException;
import io.vantage.connector.api.BatchRejectedException;

/**
 * The listener the agent server talks to: each call goes to the next active agent endpoint. With none active, a
 * hello cannot be admitted (the connection is dropped and the agent reconnects later) and a batch is not stored.
 */
final class AgentEndpoints implements AgentListener {

    private final ActivationRouter<AgentActivation> router;

    AgentEndpoints(ActivationRouter<AgentActivation> router) {
        this.router = router;
    }

    @Override
    public AgentAdmission admit(AgentCredentials credentials) throws AgentRejectedException {
        return router.next().admit(credentials);
    }

    @Override
    public void deliver(AgentBatch batch) throws BatchNotStoredException, BatchRejectedException {
        AgentActivation activation;
        try {
            activation = router.next();
        } catch (EndpointUnavailableException e) {
            throw new BatchNotStoredException(e.getMessage(), e);
        }
        activation.deliver(batch);
    }
}

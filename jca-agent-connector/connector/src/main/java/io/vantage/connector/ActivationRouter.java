package io.vantage.connector;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.vantage.connector.api.AgentAdmission;
import io.vantage.connector.api.AgentBatch;
import io.vantage.connector.api.AgentCredentials;
import io.vantage.connector.api.AgentListener;
import io.vantage.connector.api.AgentRejectedException;
import io.vantage.connector.api.BatchNotStoredException;
import io.vantage.connector.api.BatchRejectedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;

/**
 * The listener the agent server talks to: it takes turns among the active endpoints. Activations are keyed by
 * the ActivationSpec instance, because two MDBs can report the same activation name. With no endpoint active, a
 * hello cannot be admitted (the connection is dropped and the agent reconnects later) and a batch is not stored.
 */
final class ActivationRouter implements AgentListener {

    private final Map<ActivationSpec, AgentActivation> bySpec = new IdentityHashMap<>();
    /** A copy replaced on every change, so the delivery threads read it without locking. */
    private volatile List<AgentActivation> active = List.of();
    private final AtomicInteger turn = new AtomicInteger();

    synchronized void add(ActivationSpec spec, AgentActivation activation) throws ResourceException {
        if (bySpec.containsKey(spec)) {
            throw new ResourceException("the activation spec " + spec + " is already active");
        }
        bySpec.put(spec, activation);
        active = List.copyOf(bySpec.values());
    }

    /** @return the removed activation, or {@code null} when the spec was not active */
    synchronized AgentActivation remove(ActivationSpec spec) {
        AgentActivation removed = bySpec.remove(spec);
        active = List.copyOf(bySpec.values());
        return removed;
    }

    @Override
    public AgentAdmission admit(AgentCredentials credentials) throws AgentRejectedException {
        return next().admit(credentials);
    }

    @Override
    public void deliver(AgentBatch batch) throws BatchNotStoredException, BatchRejectedException {
        AgentActivation activation;
        try {
            activation = next();
        } catch (EndpointUnavailableException e) {
            throw new BatchNotStoredException(e.getMessage(), e);
        }
        activation.deliver(batch);
    }

    private AgentActivation next() {
        List<AgentActivation> endpoints = active;
        if (endpoints.isEmpty()) {
            throw new EndpointUnavailableException("no message endpoint is active for the agent connector", null);
        }
        return endpoints.get(Math.floorMod(turn.getAndIncrement(), endpoints.size()));
    }
}

package io.vantage.connector;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;

/**
 * The active endpoints of one kind (agent or Graphite MDBs), taking turns: each call goes to the next one. Keyed by
 * the ActivationSpec instance, because two MDBs can report the same activation name.
 *
 * @param <T> the kind of activation
 */
final class ActivationRouter<T extends EndpointActivation<?>> {

    private final String kind;
    private final Map<ActivationSpec, T> bySpec = new IdentityHashMap<>();
    /** A copy replaced on every change, so the delivery threads read it without locking. */
    private volatile List<T> active = List.of();
    private final AtomicInteger turn = new AtomicInteger();

    /** @param kind names the endpoints in messages, "agent" or "Graphite" */
    ActivationRouter(String kind) {
        this.kind = kind;
    }

    synchronized void add(ActivationSpec spec, T activation) throws ResourceException {
        if (bySpec.containsKey(spec)) {
            throw new ResourceException("the activation spec " + spec + " is already active");
        }
        bySpec.put(spec, activation);
        active = List.copyOf(bySpec.values());
    }

    /** @return the removed activation, or {@code null} when the spec was not active */
    synchronized T remove(ActivationSpec spec) {
        T removed = bySpec.remove(spec);
        active = List.copyOf(bySpec.values());
        return removed;
    }

    /**
     * The endpoint whose turn it is.
     *
     * @throws EndpointUnavailableException when none is active
     */
    T next() {
        List<T> endpoints = active;
        if (endpoints.isEmpty()) {
            throw new EndpointUnavailableException("no " + kind + " message endpoint is active", null);
        }
        return endpoints.get(Math.floorMod(turn.getAndIncrement(), endpoints.size()));
    }
}

package io.vantage.connector;

import java.lang.reflect.Method;
import java.time.Duration;

import io.vantage.connector.logging.ConnectorLogger;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

/**
 * One activated message endpoint (one MDB), whatever its listener interface: each call takes an endpoint from the
 * container, wraps the call in beforeDelivery/afterDelivery and releases the endpoint. Counts calls in flight so
 * that deactivation can wait for them before the container tears the MDB down. Subclasses expose it as their
 * listener interface.
 *
 * @param <L> the message listener interface the MDB implements
 */
abstract class EndpointActivation<L> {

    /** Bounds the wait for a pooled MDB instance, so a starved pool answers "try later" instead of hanging. */
    private static final long ENDPOINT_WAIT_MILLIS = 30_000;

    private final MessageEndpointFactory factory;
    private final ActivationSpec spec;
    private final Class<L> listenerType;
    private boolean active = true;
    private int inFlight;

    EndpointActivation(MessageEndpointFactory factory, ActivationSpec spec, Class<L> listenerType) {
        this.factory = factory;
        this.spec = spec;
        this.listenerType = listenerType;
    }

    /**
     * Refuses new calls and waits up to {@code grace} for those running to end.
     *
     * @return whether every call ended in time
     */
    synchronized boolean deactivate(Duration grace) {
        active = false;
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            while (inFlight > 0) {
                long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (leftMillis <= 0) {
                    return false;
                }
                wait(leftMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }

    /**
     * Makes one call on a fresh endpoint.
     *
     * @throws EndpointUnavailableException when no endpoint could take the call or finish it
     */
    final <T, A extends Exception, B extends Exception> T invoke(Method method, EndpointCall<L, T, A, B> call)
            throws A, B {
        enter();
        try {
            MessageEndpoint endpoint = factory.createEndpoint(null, ENDPOINT_WAIT_MILLIS);
            try {
                return deliverThrough(endpoint, method, call);
            } finally {
                endpoint.release();
            }
        } catch (ResourceException e) {
            throw new EndpointUnavailableException("no message endpoint available: " + e.getMessage(), e);
        } finally {
            leave();
        }
    }

    private <T, A extends Exception, B extends Exception> T deliverThrough(
            MessageEndpoint endpoint, Method method, EndpointCall<L, T, A, B> call) throws A, B, ResourceException {
        try {
            endpoint.beforeDelivery(method);
        } catch (NoSuchMethodException e) {
            throw new EndpointUnavailableException("the endpoint does not implement " + method, e);
        }
        T result;
        try {
            result = call.apply(listenerType.cast(endpoint));
        } catch (Throwable failure) {
            try {
                endpoint.afterDelivery();
            } catch (ResourceException | RuntimeException alsoFailed) {
                ConnectorLogger.afterDeliveryFailedToo(alsoFailed);
            }
            throw failure;
        }
        // afterDelivery may commit the MDB's transaction: if it fails, what the call did is not durable
        endpoint.afterDelivery();
        return result;
    }

    private synchronized void enter() {
        if (!active) {
            throw new EndpointUnavailableException("the message endpoint " + this + " is being deactivated", null);
        }
        inFlight++;
    }

    private synchronized void leave() {
        inFlight--;
        if (inFlight == 0) {
            notifyAll();
        }
    }

    static Method listenerMethod(Class<?> listenerType, String name, Class<?> parameter) {
        try {
            return listenerType.getMethod(name, parameter);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(listenerType.getSimpleName() + " lacks " + name, e);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + factory.getActivationName() + ", " + spec + "]";
    }

    /** One call on the endpoint, with the listener method's checked exceptions. */
    @FunctionalInterface
    interface EndpointCall<L, T, A extends Exception, B extends Exception> {
        T apply(L listener) throws A, B;
    }
}

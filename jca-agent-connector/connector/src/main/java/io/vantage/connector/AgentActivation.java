package io.vantage.connector;

import java.lang.reflect.Method;
import java.time.Duration;

import io.vantage.connector.api.AgentAdmission;
import io.vantage.connector.api.AgentBatch;
import io.vantage.connector.api.AgentCredentials;
import io.vantage.connector.api.AgentListener;
import io.vantage.connector.api.AgentRejectedException;
import io.vantage.connector.api.BatchNotStoredException;
import io.vantage.connector.api.BatchRejectedException;
import io.vantage.connector.logging.ConnectorLogger;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

/**
 * One activated message endpoint (one MDB) seen as an {@link AgentListener}: each call takes an endpoint from the
 * container, wraps the call in beforeDelivery/afterDelivery and releases the endpoint. Counts calls in flight so
 * that deactivation can wait for them before the container tears the MDB down.
 */
final class AgentActivation implements AgentListener {

    private static final Method ADMIT = listenerMethod("admit", AgentCredentials.class);
    private static final Method DELIVER = listenerMethod("deliver", AgentBatch.class);
    /** Bounds the wait for a pooled MDB instance, so a starved pool answers "try later" instead of hanging. */
    private static final long ENDPOINT_WAIT_MILLIS = 30_000;

    private final MessageEndpointFactory factory;
    private final AgentActivationSpec spec;
    private boolean active = true;
    private int inFlight;

    AgentActivation(MessageEndpointFactory factory, AgentActivationSpec spec) {
        this.factory = factory;
        this.spec = spec;
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

    private <T, A extends Exception, B extends Exception> T invoke(Method method, EndpointCall<T, A, B> call)
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

    private static <T, A extends Exception, B extends Exception> T deliverThrough(
            MessageEndpoint endpoint, Method method, EndpointCall<T, A, B> call) throws A, B, ResourceException {
        try {
            endpoint.beforeDelivery(method);
        } catch (NoSuchMethodException e) {
            throw new EndpointUnavailableException("the endpoint does not implement " + method, e);
        }
        T result;
        try {
            result = call.apply((AgentListener) endpoint);
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

    private static Method listenerMethod(String name, Class<?> parameter) {
        try {
            return AgentListener.class.getMethod(name, parameter);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("AgentListener lacks " + name, e);
        }
    }

    @Override
    public String toString() {
        return "AgentActivation[" + factory.getActivationName() + ", " + spec + "]";
    }

    /** One call on the endpoint, with the listener method's checked exceptions. */
    @FunctionalInterface
    private interface EndpointCall<T, A extends Exception, B extends Exception> {
        T apply(AgentListener listener) throws A, B;
    }
}

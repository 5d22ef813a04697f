package io.vantage.connector;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.transaction.xa.XAResource;

import io.vantage.connector.api.AgentListener;
import io.vantage.connector.testing.RecordingListener;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

/**
 * Plays the EJB container's side of an MDB activation: each endpoint is a proxy implementing the listener
 * interface (AgentListener unless told otherwise) and MessageEndpoint that forwards to a bean such as a
 * {@link RecordingListener} and records the delivery protocol it sees.
 */
final class FakeEndpointFactory implements MessageEndpointFactory {

    private final Object bean;
    private final Class<?> listenerType;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private volatile String failAfterDeliveryOf = "";
    private volatile boolean recording = true;

    FakeEndpointFactory(AgentListener bean) {
        this(bean, AgentListener.class);
    }

    <L> FakeEndpointFactory(L bean, Class<L> listenerType) {
        this.bean = bean;
        this.listenerType = listenerType;
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource) {
        return createEndpoint(xaResource, 0);
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) {
        return (MessageEndpoint) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {listenerType, MessageEndpoint.class}, new Endpoint());
    }

    @Override
    public boolean isDeliveryTransacted(Method method) {
        return false;
    }

    @Override
    public String getActivationName() {
        return "AgentMdb";
    }

    @Override
    public Class<?> getEndpointClass() {
        return bean.getClass();
    }

    /** What the endpoints saw, in order: "before admit", "admit", "after", "release", ... */
    List<String> events() {
        return events;
    }

    /**
     * Records no more events. A load test makes hundreds of thousands of calls, and the copy-on-write log would
     * copy itself on each of them.
     */
    void stopRecording() {
        recording = false;
    }

    /** Makes afterDelivery fail, as a rolled-back container transaction does, after calls of this method. */
    void failAfterDeliveryOf(String methodName) {
        failAfterDeliveryOf = methodName;
    }

    private void record(String event) {
        if (recording) {
            events.add(event);
        }
    }

    /** One endpoint instance; remembers which method its current delivery is for. */
    private final class Endpoint implements InvocationHandler {

        private String delivering;

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (method.getDeclaringClass() == Object.class) {
                return name.equals("equals") ? proxy == args[0] : name.equals("hashCode")
                        ? System.identityHashCode(proxy) : "endpoint of " + bean;
            }
            if (name.equals("beforeDelivery")) {
                delivering = ((Method) args[0]).getName();
                record("before " + delivering);
                return null;
            }
            if (name.equals("afterDelivery")) {
                record("after");
                if (failAfterDeliveryOf.equals(delivering)) {
                    throw new ResourceException("transaction rolled back");
                }
                return null;
            }
            if (name.equals("release")) {
                record("release");
                return null;
            }
            record(name);
            try {
                return method.invoke(bean, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}

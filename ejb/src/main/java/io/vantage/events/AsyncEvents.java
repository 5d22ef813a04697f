package io.vantage.events;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Publishes from services that must not wait for the broker, such as an agent's hello: the event is sent on a
 * container thread in a transaction of its own, after the caller has moved on. Use it only for events whose loss
 * on a crash is repaired by the next one (a node seen again is announced again).
 */
@Stateless
public class AsyncEvents {

    @Inject
    Events events;

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void publish(DomainEvent event) {
        events.publish(event);
    }
}

package io.vantage.events;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Publishes from services on a hot path that must not wait for the broker, such as an agent's hello: the event is
 * sent once the caller's transaction has committed, on a container thread, in a transaction of its own. A rolled
 * back caller publishes nothing. Use it only for events whose loss in a crash is repaired by the next one (a node
 * seen again is announced again).
 */
@Stateless
public class AsyncEvents {

    @Inject
    Events events;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    SessionContext context;

    /** Publishes after the current transaction commits, without making the caller wait. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void publishAfterCommit(DomainEvent event) {
        AsyncEvents self = context.getBusinessObject(AsyncEvents.class);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to flush: the event is sent after the outcome is known
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    self.publish(event);
                }
            }
        });
    }

    /** Publishes on a container thread; the caller goes on at once. */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void publish(DomainEvent event) {
        events.publish(event);
    }
}

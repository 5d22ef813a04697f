package io.vantage.infrastructure.jms;

import io.vantage.events.DomainEvent;
import io.vantage.events.EventCodec;
import io.vantage.events.EventRoute;
import io.vantage.events.Events;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.time.Duration;

/**
 * Domain events as persistent JSON text messages, sent through the pooled XA connection factory so the send belongs
 * to the caller's JTA transaction. The event type and organization travel as properties for selectors.
 */
@ApplicationScoped
public class JmsEvents implements Events {

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Resource(lookup = EventRoute.EVENTS_TOPIC)
    Topic events;

    @Resource(lookup = EventRoute.ALERTS_TOPIC)
    Topic alerts;

    @Resource(lookup = EventRoute.WORK_QUEUE)
    Queue work;

    @Override
    public void publish(DomainEvent event) {
        send(event, Duration.ZERO);
    }

    @Override
    public void publishAfter(DomainEvent event, Duration delay) {
        send(event, delay);
    }

    private void send(DomainEvent event, Duration delay) {
        try {
            TextMessage message = jms.createTextMessage(EventCodec.encode(event));
            message.setStringProperty(EventRoute.TYPE_PROPERTY, EventRoute.typeName(event.getClass()));
            message.setLongProperty(EventRoute.ORGANIZATION_PROPERTY, event.organizationId());
            jms.createProducer()
                    .setDeliveryMode(DeliveryMode.PERSISTENT)
                    .setDeliveryDelay(Math.max(0, delay.toMillis()))
                    .send(destinationOf(event), message);
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    private Destination destinationOf(DomainEvent event) {
        String destination = EventRoute.of(event.getClass()).destination();
        switch (destination) {
            case EventRoute.EVENTS_TOPIC:
                return events;
            case EventRoute.ALERTS_TOPIC:
                return alerts;
            case EventRoute.WORK_QUEUE:
                return work;
            default:
                throw new IllegalStateException("no destination injected for " + destination);
        }
    }
}

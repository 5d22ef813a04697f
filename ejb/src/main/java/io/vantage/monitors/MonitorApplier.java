package io.vantage.monitors;

import io.vantage.events.DomainEvent;
import io.vantage.events.EventMessages;
import io.vantage.events.MonitorChanged;
import io.vantage.events.NodeChanged;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * The monitor-applier service: takes monitor and node changes from the events topic through its own shared durable
 * subscription (scoped round-robin: the service sees each change once, whichever instance takes it) and hands them
 * to {@link MonitorApplication}. A failure rolls back and the broker redelivers.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/vantage.events"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "monitor-applier"),
        @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "messageSelector",
                propertyValue = "eventType IN ('MonitorChanged', 'NodeChanged')"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
public class MonitorApplier implements MessageListener {

    @Inject
    MonitorApplication application;

    @Override
    public void onMessage(Message message) {
        DomainEvent event = EventMessages.read(message);
        if (event instanceof MonitorChanged monitorChanged) {
            application.apply(monitorChanged);
        } else if (event instanceof NodeChanged nodeChanged) {
            application.apply(nodeChanged);
        }
    }
}

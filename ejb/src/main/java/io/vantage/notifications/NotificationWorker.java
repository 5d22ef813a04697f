package io.vantage.notifications;

import io.vantage.events.EventMessages;
import io.vantage.events.NotificationDue;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Sends notifications taken from the work queue (round-robin: one instance sends each). Several sessions run at once
 * so that a channel timing out does not hold up the others.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/vantage.work"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = "eventType = 'NotificationDue' AND organizationId > 0"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
})
public class NotificationWorker implements MessageListener {

    @Inject
    NotificationDelivery delivery;

    @Override
    public void onMessage(Message message) {
        delivery.deliver(EventMessages.read(message, NotificationDue.class));
    }
}

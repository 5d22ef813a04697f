package io.vantage.notifications;

import io.vantage.events.AlertChanged;
import io.vantage.events.EventMessages;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * The notifier service's subscription to the alerts topic: one shared durable subscription for all its instances, so
 * each alert change is dispatched once, and changes made while the notifier was down are dispatched when it is back.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/vantage.alerts"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "vantage-notifier"),
        @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
public class Notifier implements MessageListener {

    @Inject
    NotificationDispatch dispatch;

    @Override
    public void onMessage(Message message) {
        dispatch.dispatch(EventMessages.read(message, AlertChanged.class));
    }
}

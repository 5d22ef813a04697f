package io.vantage.it.events;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** A subscriber of the alerts topic with its own subscription, as the console's live feed of each instance is. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/vantage.alerts"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "NonDurable"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = ProbeCounts.SELECTOR)
})
public class FanOutProbeTwo implements MessageListener {

    @Override
    public void onMessage(Message message) {
        ProbeCounts.received("fan-out-2", this, message);
    }
}

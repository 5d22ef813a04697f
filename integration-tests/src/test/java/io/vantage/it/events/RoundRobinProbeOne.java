package io.vantage.it.events;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** A consumer of the work queue, as the notification and remote-check workers of each instance are. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/vantage.work"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = ProbeCounts.SELECTOR)
})
public class RoundRobinProbeOne implements MessageListener {

    @Override
    public void onMessage(Message message) {
        ProbeCounts.received("worker-1", this, message);
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

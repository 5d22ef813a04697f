package io.vantage.checks;

import io.vantage.events.EventMessages;
import io.vantage.events.RemoteCheckDue;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Takes due remote checks from the work queue: round-robin, so the server instances share the checks and each run
 * happens on one of them. Checks wait on the network, so several run at once.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/vantage.work"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = "eventType = 'RemoteCheckDue' AND organizationId > 0"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
})
public class RemoteCheckWorker implements MessageListener {

    @Inject
    RemoteCheckRunner runner;

    @Override
    public void onMessage(Message message) {
        runner.run(EventMessages.read(message, RemoteCheckDue.class));
    }
}

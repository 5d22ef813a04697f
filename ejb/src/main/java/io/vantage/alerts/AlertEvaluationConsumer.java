package io.vantage.alerts;

import io.vantage.metrics.MetricMessages;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Hands every metric batch to {@link AlertEvaluation} as it arrives. The alerting service's instances share one
 * durable subscription of the metrics topic (scoped round-robin), so each batch is judged once, and a batch that
 * arrived while alerting was down is judged when it comes back.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/vantage.metrics"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "vantage-alerting"),
        @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
public class AlertEvaluationConsumer implements MessageListener {

    @Inject
    AlertEvaluation evaluation;

    @Override
    public void onMessage(Message message) {
        MetricMessages.batchOf(message).ifPresent(evaluation::evaluate);
    }
}

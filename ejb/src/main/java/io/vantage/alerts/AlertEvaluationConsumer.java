package io.vantage.alerts;

import io.vantage.metrics.MetricMessages;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Hands every metric batch to {@link AlertEvaluation} as it arrives. The alerting service's instances share one
 * durable subscription of the metrics topic (scoped round-robin), so each batch is judged once, and a batch that
 * arrived while alerting was down is judged when it comes back.
 *
 * <p>Delivered without a JTA transaction: {@link AlertEvaluation} judges the samples monitors watch in a transaction of
 * its own (the alert states and the alert events it publishes commit together), and the message is acknowledged after
 * it returns or rolled back for redelivery when it throws. A batch judged again after a crash between the two changes
 * nothing: a rule ignores samples not newer than the last it judged. Most batches come from nodes no monitor watches,
 * and for them a transaction per batch was pure cost.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/vantage.metrics"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "vantage-alerting"),
        @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AlertEvaluationConsumer implements MessageListener {

    @Inject
    AlertEvaluation evaluation;

    @Override
    public void onMessage(Message message) {
        MetricMessages.batchOf(message).ifPresent(evaluation::evaluate);
    }
}

package io.vantage.checks;

import io.vantage.ServiceLog;
import io.vantage.infrastructure.jms.JmsMetricEvents;
import io.vantage.metrics.MetricBatchCodec;
import io.vantage.persistence.checks.CheckResultRepository;
import io.vantage.persistence.metrics.MetricBatch;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Stores the agents' check results, status texts included, as they come with their batches on the metrics topic.
 * Its own shared durable subscription selects only the batches that carry check results (scoped round-robin: the
 * service gets each such batch once, spread over its instances), so the thousands of plain batches never reach it. A
 * failed write rolls the message back for redelivery, so a result leaves the topic only once it is in Cassandra; the
 * agent was acknowledged when the batch entered the topic.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/vantage.metrics"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "vantage-check-results"),
        @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "messageSelector",
                propertyValue = JmsMetricEvents.CHECKS_PROPERTY + " = TRUE"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
public class CheckResultStorageConsumer implements MessageListener {

    @Inject
    CheckResultRepository results;

    @Override
    public void onMessage(Message message) {
        MetricBatch batch;
        try {
            byte[] body = new byte[(int) ((BytesMessage) message).getBodyLength()];
            ((BytesMessage) message).readBytes(body);
            batch = MetricBatchCodec.decode(body);
        } catch (JMSException | ClassCastException | IllegalArgumentException e) {
            // redelivering a message nobody can read would block the subscription forever
            ServiceLog.undecodableMessage(messageId(message), e.toString());
            return;
        }
        if (batch.checks().isEmpty()) {
            return;
        }
        try {
            results.append(batch.organizationId(), batch.nodeId(), batch.checks());
        } catch (RuntimeException e) {
            CheckResultsLog.storageFailed(batch.toString(), e);
            throw e;
        }
        CheckResultsLog.stored(batch.nodeId(), batch.checks().size(), batch.agentId(), batch.sequence());
    }

    private static String messageId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(no id)";
        }
    }
}

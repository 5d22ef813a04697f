package io.vantage.checks;

import io.vantage.infrastructure.jms.JmsMetricEvents;
import io.vantage.infrastructure.logging.FailureStreak;
import io.vantage.metrics.MetricMessages;
import io.vantage.persistence.checks.CheckResultRepository;
import io.vantage.persistence.metrics.MetricBatch;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.time.Duration;
import java.util.Optional;

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

    /** One per deployment, shared by the pooled instances: an outage is logged as a streak, not per redelivery. */
    private static final FailureStreak FAILURES = new FailureStreak(Duration.ofMinutes(1),
            CheckResultsLog::storageFailed, CheckResultsLog::storageStillFailing, CheckResultsLog::storageRecovered);

    @Inject
    CheckResultRepository results;

    @Override
    public void onMessage(Message message) {
        Optional<MetricBatch> read = MetricMessages.batchOf(message);
        if (read.isEmpty() || read.get().checks().isEmpty()) {
            return;
        }
        MetricBatch batch = read.get();
        try {
            results.append(batch.organizationId(), batch.nodeId(), batch.checks());
        } catch (RuntimeException e) {
            FAILURES.failed(batch.toString(), e);
            throw e;
        }
        CheckResultsLog.stored(batch.nodeId(), batch.checks().size(), batch.agentId(), batch.sequence());
        FAILURES.succeeded();
    }
}

package io.vantage.metrics;

import io.vantage.ServiceLog;
import io.vantage.infrastructure.logging.FailureStreak;
import io.vantage.persistence.metrics.MetricBatch;
import io.vantage.persistence.metrics.SampleRepository;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.time.Duration;
import java.util.Optional;

/**
 * Writes every metric batch to the time-series store. Instances share one durable subscription (scoped round-robin:
 * the storage service gets each batch once, spread over its instances); a failed write rolls the message back for
 * redelivery (with the topic's backoff), so a batch leaves the topic only once it is in Cassandra.
 *
 * <p>Delivered without a JTA transaction: the message is acknowledged after {@link #onMessage} returns and rolled back
 * when it throws. Storing is idempotent (a batch written twice overwrites itself), so the one case a transaction would
 * add, a crash between the write and the acknowledgement, only stores the batch again; a transaction per batch cost
 * an enlistment and a commit for nothing.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/vantage.metrics"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "vantage-storage"),
        @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SampleStorageConsumer implements MessageListener {

    /** One per deployment, shared by the pooled instances: an outage is logged as a streak, not per redelivery. */
    private static final FailureStreak FAILURES = new FailureStreak(Duration.ofMinutes(1), ServiceLog::storageFailed,
            ServiceLog::storageStillFailing, ServiceLog::storageRecovered);

    @Inject
    SampleRepository samples;

    @Inject
    IngestMeters meters;

    @Override
    public void onMessage(Message message) {
        Optional<MetricBatch> read = MetricMessages.batchOf(message);
        if (read.isEmpty()) {
            return;
        }
        MetricBatch batch = read.get();
        long started = System.nanoTime();
        try {
            samples.append(batch);
        } catch (RuntimeException e) {
            meters.storageFailed();
            FAILURES.failed(batch.toString(), e);
            throw e;
        }
        meters.stored(Duration.ofNanos(System.nanoTime() - started));
        FAILURES.succeeded();
    }
}

package io.vantage.web.console;

import io.vantage.infrastructure.jms.JmsMetricEvents;
import io.vantage.metrics.MetricMessages;
import io.vantage.persistence.metrics.MetricBatch;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * Feeds the console's live view: every metric batch on the topic goes, as a small JSON message, to the open pages
 * of the batch's organization through the Faces websocket channel {@value #CHANNEL}. Batches of organizations with
 * no page open here ({@link LiveAudience}) are skipped before their body is read.
 * <p>
 * The subscription is non-durable: each server instance gets its own copy of every batch for its own websockets,
 * and a batch published while the server is down is simply not shown live (it is stored all the same, and the next
 * page load draws it). Nothing here is transactional and nothing is redelivered: a stale live sample is worth less
 * than the next one.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/vantage.metrics"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "NonDurable"),
        // the sessions of this activation share one temporary subscription queue; two keep up with pushing
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LiveMetricsFeeder implements MessageListener {

    /** The websocket channel the console pages open, keyed by organization id. */
    static final String CHANNEL = "live";

    @Inject
    @Push(channel = CHANNEL)
    PushContext live;

    @Inject
    LiveAudience audience;

    @Override
    public void onMessage(Message message) {
        if (!isWatched(message)) {
            return;
        }
        Optional<MetricBatch> read = MetricMessages.batchOf(message);
        if (read.isEmpty()) {
            return;
        }
        MetricBatch batch = read.get();
        Optional<String> json = LiveSamples.json(batch);
        if (json.isEmpty()) {
            return;
        }
        try {
            // the organization is the websocket "user": only that organization's pages receive the samples
            Set<Future<Void>> sent = live.send(json.get(), Long.valueOf(batch.organizationId()));
            ConsoleLog.pushed(batch.organizationId(), batch.nodeId(), batch.size(), sent.size());
        } catch (RuntimeException e) {
            ConsoleLog.pushFailed(batch.organizationId(), batch.nodeId(), e);
        }
    }

    /** Read from the message's property, before the body is decoded; a message without it is decoded anyway. */
    private boolean isWatched(Message message) {
        try {
            return !message.propertyExists(JmsMetricEvents.ORGANIZATION_PROPERTY)
                    || audience.isWatching(message.getLongProperty(JmsMetricEvents.ORGANIZATION_PROPERTY));
        } catch (JMSException | NumberFormatException e) {
            return true;
        }
    }
}

package io.vantage.infrastructure.jms;

import io.vantage.metrics.MetricBatchCodec;
import io.vantage.metrics.MetricEvents;
import io.vantage.persistence.metrics.MetricBatch;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;

/**
 * Metric batches on the {@code vantage.metrics} topic: one persistent message per batch (never per sample), with the
 * organization and node as properties so consumers can select by them, and the node as the message group. The pooled connection factory enlists the
 * send in the caller's transaction, so the message is in the broker's journal when that transaction commits.
 */
@ApplicationScoped
public class JmsMetricEvents implements MetricEvents {

    public static final String ORGANIZATION_PROPERTY = "organizationId";
    public static final String NODE_PROPERTY = "nodeId";
    /** True on a batch that carries check results, so their consumer selects only those. */
    public static final String CHECKS_PROPERTY = "checkResults";

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Resource(lookup = "java:/jms/vantage.metrics")
    Topic metrics;

    @Override
    public void published(MetricBatch batch) {
        try {
            BytesMessage message = jms.createBytesMessage();
            message.writeBytes(MetricBatchCodec.encode(batch));
            message.setLongProperty(ORGANIZATION_PROPERTY, batch.organizationId());
            message.setLongProperty(NODE_PROPERTY, batch.nodeId());
            message.setBooleanProperty(CHECKS_PROPERTY, !batch.checks().isEmpty());
            // one group per node: each subscription hands a node's batches to one consumer at a time, in order, so
            // alert rules see a node's samples in the order they were taken even with several sessions
            message.setStringProperty("JMSXGroupID", "node-" + batch.nodeId());
            jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(metrics, message);
        } catch (jakarta.jms.JMSException e) {
            throw new jakarta.jms.JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }
}

package io.vantage.metrics;

import io.vantage.ServiceLog;
import io.vantage.events.EventMessages;
import io.vantage.persistence.metrics.MetricBatch;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.Optional;

/** Reads the batch a message on the {@code vantage.metrics} topic carries, for every consumer of the topic. */
public final class MetricMessages {

    private MetricMessages() {
    }

    /**
     * The message's batch, or empty when it holds none this version can read: logged here, and to be consumed
     * without redelivery, since redelivering a message nobody can read would block the subscription forever.
     */
    public static Optional<MetricBatch> batchOf(Message message) {
        try {
            BytesMessage bytes = (BytesMessage) message;
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            return Optional.of(MetricBatchCodec.decode(body));
        } catch (JMSException | ClassCastException | IllegalArgumentException e) {
            ServiceLog.undecodableMessage(EventMessages.id(message), e.toString());
            return Optional.empty();
        }
    }
}

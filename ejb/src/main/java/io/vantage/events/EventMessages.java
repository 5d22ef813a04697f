package io.vantage.events;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

/** Reads domain events back out of JMS messages, for the consumers. */
public final class EventMessages {

    private EventMessages() {
    }

    /** The event a message carries; a message that is not a readable event is an {@link IllegalArgumentException}. */
    public static DomainEvent read(Message message) {
        try {
            if (!(message instanceof TextMessage text)) {
                throw new IllegalArgumentException("not a text message: " + message.getJMSMessageID());
            }
            return EventCodec.decode(text.getStringProperty(EventRoute.TYPE_PROPERTY), text.getText());
        } catch (JMSException e) {
            throw new IllegalArgumentException("unreadable message: " + e.getMessage(), e);
        }
    }

    /** Reads a message that must carry an event of the given type (the consumer's selector promised it). */
    public static <E extends DomainEvent> E read(Message message, Class<E> type) {
        DomainEvent event = read(message);
        if (!type.isInstance(event)) {
            throw new IllegalArgumentException("expected " + type.getSimpleName() + ", got "
                    + event.getClass().getSimpleName());
        }
        return type.cast(event);
    }

    public static String id(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(no id)";
        }
    }
}

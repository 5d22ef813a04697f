package io.vantage.events;

import java.util.Map;

/**
 * Where each event type travels, in one place (the topology is documented in {@code EVENTS.md}). Consumers select
 * by the {@value #TYPE_PROPERTY} property, which holds the event type's simple name. Organization ids are positive;
 * events under a negative one are probes of the framework itself, which only probe consumers select (the work
 * queue's consumers say {@code organizationId > 0} so that probes never reach real work).
 *
 * @param destination the JNDI name of the topic or queue
 * @param delivery    how consumers share it
 */
public record EventRoute(String destination, Delivery delivery) {

    public static final String TYPE_PROPERTY = "eventType";
    public static final String ORGANIZATION_PROPERTY = "organizationId";

    public static final String EVENTS_TOPIC = "java:/jms/vantage.events";
    public static final String ALERTS_TOPIC = "java:/jms/vantage.alerts";
    public static final String WORK_QUEUE = "java:/jms/vantage.work";

    private static final Map<Class<? extends DomainEvent>, EventRoute> ROUTES = Map.of(
            MonitorChanged.class, new EventRoute(EVENTS_TOPIC, Delivery.SCOPED_ROUND_ROBIN),
            NodeChanged.class, new EventRoute(EVENTS_TOPIC, Delivery.SCOPED_ROUND_ROBIN),
            AlertChanged.class, new EventRoute(ALERTS_TOPIC, Delivery.FAN_OUT),
            RemoteCheckDue.class, new EventRoute(WORK_QUEUE, Delivery.ROUND_ROBIN),
            NotificationDue.class, new EventRoute(WORK_QUEUE, Delivery.ROUND_ROBIN));

    public static EventRoute of(Class<? extends DomainEvent> type) {
        EventRoute route = ROUTES.get(type);
        if (route == null) {
            throw new IllegalArgumentException("no route for event type " + type.getName());
        }
        return route;
    }

    /** The value of {@value #TYPE_PROPERTY} for an event type. */
    public static String typeName(Class<? extends DomainEvent> type) {
        return type.getSimpleName();
    }
}

package io.vantage.events;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Events as JSON text, so an operator reading a message in the admin console can tell what it says. */
public final class EventCodec {

    private static final Jsonb JSON = JsonbBuilder.create();

    private static final Map<String, Class<? extends DomainEvent>> TYPES = Stream.of(
                    MonitorChanged.class, NodeChanged.class, AlertChanged.class, RemoteCheckDue.class,
                    NotificationDue.class)
            .collect(Collectors.toUnmodifiableMap(EventRoute::typeName, Function.identity()));

    private EventCodec() {
    }

    public static String encode(DomainEvent event) {
        return JSON.toJson(event);
    }

    /** Reads an event of the named type; an unknown type or unreadable text is an {@link IllegalArgumentException}. */
    public static DomainEvent decode(String typeName, String json) {
        Class<? extends DomainEvent> type = TYPES.get(typeName);
        if (type == null) {
            throw new IllegalArgumentException("unknown event type '" + typeName + "'");
        }
        try {
            return JSON.fromJson(json, type);
        } catch (JsonbException e) {
            throw new IllegalArgumentException("unreadable " + typeName + ": " + e.getMessage(), e);
        }
    }
}

package io.vantage.it.events;

import io.vantage.events.EventMessages;
import jakarta.jms.Message;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** What each probe consumer received: the messages' ids, and which consumer instance took each. */
public final class ProbeCounts {

    /** The organization id probes publish under: negative, so no real consumer of work takes them. */
    public static final long PROBE_ORGANIZATION = -4242;
    static final String SELECTOR = "organizationId = -4242";

    private static final Map<String, List<String>> RECEIVED = new ConcurrentHashMap<>();
    private static final Map<String, Set<Integer>> INSTANCES = new ConcurrentHashMap<>();

    private ProbeCounts() {
    }

    static void received(String consumer, Object instance, Message message) {
        RECEIVED.computeIfAbsent(consumer, c -> new CopyOnWriteArrayList<>()).add(EventMessages.read(message).toString());
        INSTANCES.computeIfAbsent(consumer, c -> ConcurrentHashMap.newKeySet()).add(System.identityHashCode(instance));
    }

    public static List<String> receivedBy(String consumer) {
        return RECEIVED.getOrDefault(consumer, List.of());
    }

    public static int instancesOf(String consumer) {
        return INSTANCES.getOrDefault(consumer, Set.of()).size();
    }

    public static void reset() {
        RECEIVED.clear();
        INSTANCES.clear();
    }
}

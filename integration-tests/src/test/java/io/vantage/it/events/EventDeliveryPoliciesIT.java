package io.vantage.it.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.events.AlertChanged;
import io.vantage.events.EventRoute;
import io.vantage.events.Events;
import io.vantage.events.MonitorChanged;
import io.vantage.events.NotificationDue;
import io.vantage.infrastructure.jms.JmsEvents;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The event framework's three delivery policies, proven on Vantage's own destinations with the real publisher: probe
 * consumers deployed beside the application count what each of them got. Probes publish under a negative
 * organization id, which the application's consumers ignore.
 */
@ExtendWith(ArquillianExtension.class)
class EventDeliveryPoliciesIT {

    private static final int EVENTS = 200;

    @Deployment
    static WebArchive probes() {
        // the probes and the real publisher; the event types need nothing of the application's libraries
        WebArchive war = ShrinkWrap.create(WebArchive.class, "event-delivery-probes.war")
                .addPackage(EventRoute.class.getPackage())
                .addClasses(JmsEvents.class, ProbeCounts.class, FanOutProbeOne.class, FanOutProbeTwo.class,
                        ScopedProbeServiceA.class, ScopedProbeServiceB.class, RoundRobinProbeOne.class,
                        RoundRobinProbeTwo.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, ArchivePaths.create("beans.xml"));
        return war;
    }

    @Inject
    Events events;

    @BeforeEach
    void forgetEarlierCounts() {
        ProbeCounts.reset();
    }

    @Test
    void fan_out_gives_every_subscriber_every_event() {
        List<String> sent = new ArrayList<>();
        for (int i = 1; i <= EVENTS; i++) {
            AlertChanged event = new AlertChanged(ProbeCounts.PROBE_ORGANIZATION, i, i);
            events.publish(event);
            sent.add(event.toString());
        }
        awaitCount(() -> ProbeCounts.receivedBy("fan-out-1").size() >= EVENTS
                && ProbeCounts.receivedBy("fan-out-2").size() >= EVENTS);
        assertEquals(new HashSet<>(sent), new HashSet<>(ProbeCounts.receivedBy("fan-out-1")));
        assertEquals(new HashSet<>(sent), new HashSet<>(ProbeCounts.receivedBy("fan-out-2")));
        assertEquals(EVENTS, ProbeCounts.receivedBy("fan-out-1").size(), "each subscriber got each event once");
        assertEquals(EVENTS, ProbeCounts.receivedBy("fan-out-2").size(), "each subscriber got each event once");
    }

    @Test
    void scoped_round_robin_gives_every_service_each_event_once_shared_among_its_instances() {
        List<String> sent = new ArrayList<>();
        for (int i = 1; i <= EVENTS; i++) {
            MonitorChanged event = new MonitorChanged(ProbeCounts.PROBE_ORGANIZATION, i, 1);
            events.publish(event);
            sent.add(event.toString());
        }
        awaitCount(() -> ProbeCounts.receivedBy("probe-service-a").size() >= EVENTS
                && ProbeCounts.receivedBy("probe-service-b").size() >= EVENTS);
        for (String service : List.of("probe-service-a", "probe-service-b")) {
            List<String> got = ProbeCounts.receivedBy(service);
            assertEquals(EVENTS, got.size(), service + " got each event exactly once");
            assertEquals(new HashSet<>(sent), new HashSet<>(got), service + " got every event");
            assertTrue(ProbeCounts.instancesOf(service) >= 2, service + "'s instances shared the events: "
                    + ProbeCounts.instancesOf(service) + " instance(s) took part");
        }
    }

    @Test
    void round_robin_gives_each_event_to_exactly_one_worker() {
        List<String> sent = new ArrayList<>();
        for (int i = 1; i <= EVENTS; i++) {
            NotificationDue event = new NotificationDue(ProbeCounts.PROBE_ORGANIZATION, i);
            events.publish(event);
            sent.add(event.toString());
        }
        awaitCount(() -> ProbeCounts.receivedBy("worker-1").size() + ProbeCounts.receivedBy("worker-2").size()
                >= EVENTS);
        List<String> all = new ArrayList<>(ProbeCounts.receivedBy("worker-1"));
        all.addAll(ProbeCounts.receivedBy("worker-2"));
        assertEquals(EVENTS, all.size(), "no event was taken twice");
        assertEquals(new HashSet<>(sent), new HashSet<>(all), "every event was taken");
        assertTrue(!ProbeCounts.receivedBy("worker-1").isEmpty() && !ProbeCounts.receivedBy("worker-2").isEmpty(),
                "both workers took a share: " + ProbeCounts.receivedBy("worker-1").size() + " and "
                        + ProbeCounts.receivedBy("worker-2").size());
    }

    /** Waits for the consumers, then a moment more so that a duplicate would have arrived too. */
    private static void awaitCount(BooleanSupplier done) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            sleep(50);
        }
        sleep(500);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

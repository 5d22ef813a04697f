package io.vantage.connector.graphite;

import static io.vantage.connector.fuzz.FuzzSupport.assertListenerSurvived;
import static io.vantage.connector.fuzz.FuzzSupport.assertNoFailures;
import static io.vantage.connector.fuzz.FuzzSupport.concat;
import static io.vantage.connector.fuzz.FuzzSupport.heapAfterGc;
import static io.vantage.connector.fuzz.FuzzSupport.joinAll;
import static io.vantage.connector.fuzz.FuzzSupport.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.Test;

import io.vantage.connector.fuzz.FuzzConfig;
import io.vantage.connector.fuzz.FuzzTally;
import io.vantage.connector.fuzz.HostileCase;
import io.vantage.connector.fuzz.SelectorWatch;
import io.vantage.connector.fuzz.Watchdog;
import io.vantage.connector.fuzz.graphite.FuzzGraphiteListener;
import io.vantage.connector.fuzz.graphite.GraphiteHostileCases;
import io.vantage.connector.fuzz.graphite.GraphiteHostileConnection;
import io.vantage.connector.fuzz.graphite.GraphiteOracle;
import io.vantage.connector.fuzz.graphite.SteadyGraphiteSender;
import io.vantage.connector.testing.Await;
import io.vantage.connector.testing.GraphiteSender;

/**
 * A bounded-time fuzz of the Graphite listener: hostile threads open connections (see {@link GraphiteHostileCases})
 * against a real server while two well-behaved senders keep writing lines. Every hostile connection must end as
 * the protocol says (checked against {@link GraphiteOracle}), the well-behaved senders' lines must all be delivered
 * exactly once and in order, no hostile line may be lost or invented, the selector thread must survive without an
 * unexpected failure, the heap must stay flat, and a new sender must still be served at the end. The seed makes
 * the mix repeatable: {@code -Dvantage.fuzz.seed=S -Dvantage.fuzz.seconds=N}.
 */
class GraphiteListenerFuzzTest {

    private static final int DEFAULT_SECONDS = 6;
    private static final int MAX_LINE_BYTES = 1024;
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(2);
    private static final int HOSTILE_THREADS = 6;
    private static final List<String> STEADY_SENDERS = List.of("steady-1", "steady-2");
    private static final String PROBE = "probe";
    /** Memory still held once every hostile connection is gone; a leak of per-connection buffers exceeds it. */
    private static final long HEAP_GROWTH_LIMIT = 64L << 20;
    /** Time for the last hostile connections and the well-behaved senders to finish after the fuzzing stops. */
    private static final Duration WIND_DOWN = GraphiteHostileConnection.DEADLINE.plusSeconds(3);

    private final FuzzConfig config = FuzzConfig.fromSystemProperties(DEFAULT_SECONDS);
    private final FuzzGraphiteListener listener = new FuzzGraphiteListener(concat(STEADY_SENDERS, PROBE));
    private final FuzzTally tally = new FuzzTally();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final LongAdder linesAtMost = new LongAdder();
    private final LongAdder linesAtLeast = new LongAdder();
    private final AtomicLong peakHeap = new AtomicLong();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    @Test
    void the_listener_survives_hostile_senders_and_keeps_serving_well_behaved_ones() throws Exception {
        System.out.println("GraphiteListenerFuzzTest: " + config.describe());
        GraphiteServerSettings settings = GraphiteTestSettings.loopback().maxLineBytes(MAX_LINE_BYTES)
                .maxConnections(256).idleTimeout(IDLE_TIMEOUT).maxLinesPerBatch(50).build();
        try (SelectorWatch watch = SelectorWatch.forGraphiteListener(); Watchdog watchdog = new Watchdog()) {
            GraphiteServer server = new GraphiteServer(settings, watch, listener);
            server.start();
            try {
                long heapBefore = heapAfterGc();
                List<SteadyGraphiteSender> steady = new ArrayList<>();
                List<Thread> steadyThreads = new ArrayList<>();
                for (int i = 0; i < STEADY_SENDERS.size(); i++) {
                    SteadyGraphiteSender sender = new SteadyGraphiteSender(STEADY_SENDERS.get(i),
                            server.localAddress(), config.seed() + i);
                    steady.add(sender);
                    steadyThreads.add(start("fuzz-" + sender.name(), sender));
                }

                GraphiteHostileConnection connection = new GraphiteHostileConnection(server.localAddress(),
                        new GraphiteOracle(MAX_LINE_BYTES), watchdog, IDLE_TIMEOUT);
                long fuzzUntil = System.nanoTime() + config.duration().toNanos();
                List<Thread> hostileThreads = new ArrayList<>();
                for (int i = 0; i < HOSTILE_THREADS; i++) {
                    Random random = new Random(config.seed() * 31 + i);
                    int worker = i;
                    hostileThreads.add(start("fuzz-hostile-" + i, () -> fuzz(worker, random, connection, fuzzUntil)));
                }

                joinAll(hostileThreads, fuzzUntil, WIND_DOWN, "hostile connections");
                steady.forEach(SteadyGraphiteSender::stop);
                joinAll(steadyThreads, System.nanoTime(), WIND_DOWN, "well-behaved senders");

                assertTheServerTakesANewSender(server);
                Await.until("every connection to be closed and none paused", () -> server.stats().openConnections()
                        == 0 && server.stats().readPausedConnections() == 0);
                long heapGrowth = heapAfterGc() - heapBefore;
                GraphiteServerStats stats = server.stats();

                System.out.println("GraphiteListenerFuzzTest figures (" + config.describe() + "):\n"
                        + tally.describeConnections() + "\n  hostile lines delivered: " + listener.hostileLines()
                        + " (between " + linesAtLeast.sum() + " and " + linesAtMost.sum() + " predicted)"
                        + "\n  well-behaved lines sent: " + describe(steady) + "\n  offers to the listener: "
                        + listener.offers() + "\n  server: " + stats + "\n  heap: peak " + (peakHeap.get() >> 20)
                        + " MiB in use, " + (heapGrowth >> 20) + " MiB more than before once collected"
                        + "\n  selector thread: " + (watch.selectorAlive() ? "alive" : "DEAD") + ", "
                        + watch.unexpectedFailures().size() + " unexpected failures logged");

                assertNoFailures("hostile connections ended against the protocol", List.copyOf(failures), config);
                for (SteadyGraphiteSender sender : steady) {
                    assertNoFailures("well-behaved sender " + sender.name(), sender.failures(), config);
                    assertTrue(sender.sent() > 0, sender.name() + " sent no line");
                    assertEquals(sender.sentPaths(), listener.pathsOf(sender.name()),
                            sender.name() + ": every line delivered exactly once, in order");
                }
                assertNoFailures("lines the server should never have delivered", listener.violations(), config);
                assertTrue(listener.hostileLines() >= linesAtLeast.sum()
                        && listener.hostileLines() <= linesAtMost.sum(), "hostile lines delivered: "
                        + listener.hostileLines() + ", expected " + linesAtLeast.sum() + ".." + linesAtMost.sum());
                assertEquals(stats.linesAccepted(), listener.linesStored(), "every line accepted was stored");
                assertListenerSurvived(watch, heapGrowth, HEAP_GROWTH_LIMIT, tally.connections(), config);
            } finally {
                server.stop();
            }
        }
    }

    /** One hostile thread: case after case until the time is up, each one made from the thread's random numbers. */
    private void fuzz(int worker, Random random, GraphiteHostileConnection connection, long until) {
        GraphiteHostileCases cases = new GraphiteHostileCases(MAX_LINE_BYTES);
        while (System.nanoTime() - until < 0) {
            HostileCase hostile = cases.next(random.nextLong());
            try {
                GraphiteHostileConnection.Result result = connection.play(hostile);
                tally.count(hostile.kind(), result.ending());
                linesAtMost.add(result.validLines());
                linesAtLeast.add(result.guaranteed() ? result.validLines() : 0);
                if (!result.problems().isEmpty()) {
                    failures.add("worker " + worker + ", " + hostile + ": " + result.problems());
                }
            } catch (RuntimeException | Error e) {
                failures.add("worker " + worker + ", " + hostile + ": the fuzzer itself failed: " + e);
            }
            peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        }
    }

    private void assertTheServerTakesANewSender(GraphiteServer server) throws IOException {
        try (GraphiteSender probe = GraphiteSender.connect(server.localAddress())) {
            probe.send(PROBE + ".after-the-fuzzing 1 1700000000\n");
            Await.until("a new sender's line after the fuzzing", () -> !listener.pathsOf(PROBE).isEmpty());
            probe.finish();
            probe.assertClosedByServer();
        }
        assertEquals(List.of(PROBE + ".after-the-fuzzing"), listener.pathsOf(PROBE));
    }

    private static String describe(List<SteadyGraphiteSender> senders) {
        StringBuilder text = new StringBuilder();
        long total = 0;
        for (SteadyGraphiteSender sender : senders) {
            text.append(sender.name()).append('=').append(sender.sent()).append(' ');
            total += sender.sent();
        }
        return text.append("total=").append(total).toString();
    }
}

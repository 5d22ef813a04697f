package io.vantage.connector.server;

import static io.vantage.connector.fuzz.FuzzSupport.assertListenerSurvived;
import static io.vantage.connector.fuzz.FuzzSupport.assertNoFailures;
import static io.vantage.connector.fuzz.FuzzSupport.concat;
import static io.vantage.connector.fuzz.FuzzSupport.heapAfterGc;
import static io.vantage.connector.fuzz.FuzzSupport.joinAll;
import static io.vantage.connector.fuzz.FuzzSupport.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import io.vantage.connector.fuzz.AnswerOracle;
import io.vantage.connector.fuzz.FuzzConfig;
import io.vantage.connector.fuzz.FuzzListener;
import io.vantage.connector.fuzz.FuzzTally;
import io.vantage.connector.fuzz.HostileCase;
import io.vantage.connector.fuzz.HostileCases;
import io.vantage.connector.fuzz.HostileConnection;
import io.vantage.connector.fuzz.SelectorWatch;
import io.vantage.connector.fuzz.SocketLayer;
import io.vantage.connector.fuzz.SteadyAgent;
import io.vantage.connector.fuzz.Watchdog;
import io.vantage.connector.nio.ServerTls;
import io.vantage.connector.testing.Await;
import io.vantage.connector.testing.Batches;
import io.vantage.connector.testing.TestAgent;
import io.vantage.connector.testing.TestSettings;
import io.vantage.connector.testing.TestTls;
import io.vantage.protocol.Ack;
import io.vantage.protocol.Welcome;

/**
 * A bounded-time fuzz of the agent listener: a few threads open hostile connections (see {@link HostileCases})
 * against a real server while well-behaved agents keep reporting. The server must answer every hostile connection
 * as the protocol says (checked by {@link AnswerOracle}), keep acknowledging the well-behaved agents' batches in
 * order and exactly once, survive with its selector thread, leak no connection and no memory, and still take new
 * agents at the end. The seed makes the mix repeatable: {@code -Dvantage.fuzz.seed=S -Dvantage.fuzz.seconds=N}.
 * A shorter run does the same inside TLS against a listener with a keystore, where records split and join the
 * hostile bytes differently and the selector serves input buffered in the TLS sessions.
 */
class AgentListenerFuzzTest {

    private static final int MAX_FRAME_BYTES = 64 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final int HOSTILE_THREADS = 6;
    private static final List<String> STEADY_AGENTS = List.of("steady-1", "steady-2", "steady-3");
    private static final String PROBE_AGENT = "probe";
    /** Memory still held once every hostile connection is gone; a leak of per-connection buffers exceeds it. */
    private static final long HEAP_GROWTH_LIMIT = 64L << 20;
    /** Time for the last hostile connections and the steady agents to finish after the fuzzing stops. */
    private static final Duration WIND_DOWN = HostileConnection.DEADLINE.plusSeconds(5);

    /** Each TLS connection costs a handshake, so the TLS run is shorter; a failure there replays the same way. */
    private static final int TLS_DEFAULT_SECONDS = 3;

    private FuzzConfig config;
    private final FuzzListener listener = new FuzzListener(concat(STEADY_AGENTS, PROBE_AGENT));
    private final FuzzTally tally = new FuzzTally();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicLong peakHeap = new AtomicLong();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    @Test
    void the_listener_survives_hostile_connections_and_keeps_serving_well_behaved_agents() throws Exception {
        fuzz(FuzzConfig.fromSystemProperties(), null, SocketLayer.PLAIN);
    }

    @Test
    void the_tls_listener_survives_hostile_connections_inside_tls_and_keeps_serving_well_behaved_agents()
            throws Exception {
        fuzz(FuzzConfig.fromSystemProperties(TLS_DEFAULT_SECONDS), TestTls.serverTls(),
                SocketLayer.tls(TestTls.trustingClient()));
    }

    private void fuzz(FuzzConfig fuzzConfig, ServerTls tls, SocketLayer layer) throws Exception {
        config = fuzzConfig;
        String name = "AgentListenerFuzzTest" + (tls == null ? "" : " (TLS)");
        System.out.println(name + ": " + config.describe());
        AgentServerSettings settings = TestSettings.loopback().maxFrameBytes(MAX_FRAME_BYTES).maxConnections(256)
                .handshakeTimeout(TIMEOUT).idleTimeout(TIMEOUT).maxBatchesInFlight(4).build();
        try (SelectorWatch watch = new SelectorWatch(); Watchdog watchdog = new Watchdog()) {
            AgentServer server = new AgentServer(settings, watch, listener, tls);
            server.start();
            try {
                long heapBefore = heapAfterGc();
                List<SteadyAgent> steady = new ArrayList<>();
                List<Thread> steadyThreads = new ArrayList<>();
                for (int i = 0; i < STEADY_AGENTS.size(); i++) {
                    SteadyAgent agent = new SteadyAgent(STEADY_AGENTS.get(i), server.localAddress(), config.seed() + i,
                            layer);
                    steady.add(agent);
                    steadyThreads.add(start("fuzz-" + agent.agentId(), agent));
                }

                HostileConnection connection = new HostileConnection(server.localAddress(),
                        new AnswerOracle(MAX_FRAME_BYTES, listener), watchdog, settings.heartbeatSeconds(), layer);
                long fuzzUntil = System.nanoTime() + config.duration().toNanos();
                List<Thread> hostileThreads = new ArrayList<>();
                for (int i = 0; i < HOSTILE_THREADS; i++) {
                    Random random = new Random(config.seed() * 31 + i);
                    int worker = i;
                    hostileThreads.add(start("fuzz-hostile-" + i, () -> fuzz(worker, random, connection, fuzzUntil)));
                }

                joinAll(hostileThreads, fuzzUntil, WIND_DOWN, "hostile connections");
                long steadyAckedWhileFuzzing = steady.stream().mapToLong(SteadyAgent::acked).sum();
                steady.forEach(SteadyAgent::stop);
                joinAll(steadyThreads, System.nanoTime(), WIND_DOWN, "well-behaved agents");

                assertTheServerTakesANewAgent(server, tls != null);
                Await.until("every connection to be closed and none paused", () -> server.stats().openConnections() == 0
                        && server.stats().readPausedConnections() == 0);
                long heapGrowth = heapAfterGc() - heapBefore;

                System.out.println(name + " figures (" + config.describe() + "):\n" + tally.describe()
                        + "\n  well-behaved batches acknowledged: " + describe(steady) + " ("
                        + steadyAckedWhileFuzzing + " while fuzzing)\n  server: " + server.stats()
                        + "\n  heap: peak " + (peakHeap.get() >> 20) + " MiB in use, " + (heapGrowth >> 20)
                        + " MiB more than before once collected\n  selector thread: "
                        + (watch.selectorAlive() ? "alive" : "DEAD") + ", " + watch.unexpectedFailures().size()
                        + " unexpected failures logged");

                assertNoFailures("hostile connections answered against the protocol", List.copyOf(failures), config);
                for (SteadyAgent agent : steady) {
                    assertNoFailures("well-behaved agent " + agent.agentId(), agent.failures(), config);
                    assertTrue(agent.acked() > 0, agent.agentId() + " had no batch acknowledged");
                    assertEquals(LongStream.rangeClosed(1, agent.acked()).boxed().toList(),
                            listener.storedSequences(agent.agentId()),
                            agent.agentId() + ": every acknowledged batch stored exactly once, in order");
                }
                assertNoFailures("batches the server should never have delivered", listener.violations(), config);
                assertTrue(tally.hostileAcks() <= listener.storedSequences(FuzzListener.HOSTILE_AGENT).size(),
                        "hostile connections got more ACKs than batches were stored");
                assertListenerSurvived(watch, heapGrowth, HEAP_GROWTH_LIMIT, tally.connections(), config);
            } finally {
                server.stop();
            }
        }
    }

    /** One hostile thread: case after case until the time is up, each one made from the thread's random numbers. */
    private void fuzz(int worker, Random random, HostileConnection connection, long until) {
        HostileCases cases = new HostileCases(MAX_FRAME_BYTES);
        while (System.nanoTime() - until < 0) {
            long caseSeed = random.nextLong();
            HostileCase hostile = cases.next(caseSeed);
            try {
                HostileConnection.Result result = connection.play(hostile);
                tally.count(result);
                if (!result.problems().isEmpty()) {
                    failures.add("worker " + worker + ", " + hostile + ": " + result.problems());
                }
            } catch (RuntimeException | Error e) {
                failures.add("worker " + worker + ", " + hostile + ": the fuzzer itself failed: " + e);
            }
            peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        }
    }

    private void assertTheServerTakesANewAgent(AgentServer server, boolean tls) throws Exception {
        try (TestAgent probe = tls ? TestAgent.connectTls(server.localAddress(), TestTls.trustingClient())
                : TestAgent.connect(server.localAddress())) {
            probe.send(TestAgent.hello(PROBE_AGENT, FuzzListener.KEY));
            probe.read(Welcome.class);
            probe.send(Batches.small(1));
            assertEquals(new Ack(1), probe.read(), "a new agent's batch after the fuzzing");
        }
    }

    private static String describe(List<SteadyAgent> agents) {
        StringBuilder text = new StringBuilder();
        long total = 0;
        for (SteadyAgent agent : agents) {
            text.append(agent.agentId()).append('=').append(agent.acked()).append(' ');
            total += agent.acked();
        }
        return text.append("total=").append(total).toString();
    }
}

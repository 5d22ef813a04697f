package io.vantage.agent;

import io.vantage.agent.collect.Collector;
import io.vantage.agent.collect.CollectorSet;
import io.vantage.agent.config.AgentConfig;
import io.vantage.agent.config.ServerAddress;
import io.vantage.agent.transport.TransportSettings;
import io.vantage.protocol.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Agents for tests: fast ticks, fast reconnects, and a collector that makes one sample per tick. */
final class TestAgents {

    static final Duration FAST_TICKS = Duration.ofMillis(40);

    private TestAgents() {
    }

    static TransportSettings fastSettings() {
        return new TransportSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(20),
                Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(100), 32);
    }

    static AgentConfig config(List<ServerAddress> servers, Duration interval, Path spoolDir) {
        return new AgentConfig(servers, "agent-1", "key-1", "test-host", interval, spoolDir, 1000,
                64L * 1024 * 1024, null, null);
    }

    /** An agent already running against {@code servers}, ticking every {@code interval}. */
    static Agent start(List<ServerAddress> servers, Duration interval, Path spoolDir) throws IOException {
        Agent agent = Agent.open(config(servers, interval, spoolDir), fastSettings(), counting());
        agent.start();
        return agent;
    }

    static Agent start(FakeServer server) throws IOException {
        return start(List.of(server.address()), FAST_TICKS, null);
    }

    /** Collects one sample per tick, {@code test.tick}, counting up. */
    static CollectorSet counting() {
        AtomicLong ticks = new AtomicLong();
        return new CollectorSet(List.of(new Collector() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public void collect(long timestampMillis, List<Sample> into) {
                into.add(new Sample("test.tick", timestampMillis, ticks.incrementAndGet()));
            }
        }));
    }

    /** Whether each sequence is one more than the one before. */
    static boolean consecutive(List<Long> sequences) {
        for (int i = 1; i < sequences.size(); i++) {
            if (sequences.get(i) != sequences.get(i - 1) + 1) {
                return false;
            }
        }
        return true;
    }
}

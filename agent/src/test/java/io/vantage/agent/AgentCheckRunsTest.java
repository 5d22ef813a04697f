package io.vantage.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.agent.collect.Collector;
import io.vantage.agent.collect.CollectorSet;
import io.vantage.agent.config.ServerAddress;
import io.vantage.protocol.CheckRun;
import io.vantage.protocol.FrameType;
import io.vantage.protocol.ProtocolVersions;
import io.vantage.protocol.Sample;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Check runs, status texts included, ride in the batches: the same sequence, spool, acknowledgement and resend. */
class AgentCheckRunsTest {

    @TempDir
    Path spoolDir;

    @Test
    void a_check_runs_status_text_travels_in_its_batch_to_a_version_2_server() throws Exception {
        try (FakeServer server = new FakeServer()) {
            server.welcomeVersion(ProtocolVersions.V2);
            try (Agent agent = start(List.of(server.address()), null)) {
                Eventually.await("a batch with check runs", () -> !server.connections().isEmpty()
                        && !server.connection(1).checkRuns.isEmpty());

                FakeServer.Connection connection = server.connection(1);
                CheckRun run = connection.checkRuns.get(0);
                assertEquals("disk", run.check());
                assertEquals(1, run.status());
                assertTrue(run.text().startsWith("DISK WARNING - free space: / 3326 MB (5%)"), run.text());
                assertEquals(42, run.durationMillis());
                assertTrue(connection.batchTypes.contains(FrameType.BATCH_WITH_CHECKS), connection.batchTypes.toString());
                Eventually.await("acknowledged like any batch", () -> agent.unacknowledged() == 0);
            }
        }
    }

    @Test
    void a_version_1_server_gets_the_same_batches_as_plain_batches_without_the_texts() throws Exception {
        Logger logger = Logger.getLogger("io.vantage.agent");
        Level level = logger.getLevel();
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.setLevel(Level.INFO);
        logger.addHandler(capture);
        try (FakeServer server = new FakeServer(); Agent agent = start(List.of(server.address()), null)) {
            Eventually.await("batches acknowledged", () -> server.acknowledged().size() >= 3);

            FakeServer.Connection connection = server.connection(1);
            assertTrue(connection.checkRuns.isEmpty());
            assertTrue(connection.batchTypes.stream().allMatch(type -> type == FrameType.BATCH),
                    connection.batchTypes.toString());
            assertEquals(1, server.connections().size(), "a version 1 server is never sent a frame it does not know");
            assertEquals(1, logged.stream().filter(line -> line.startsWith("VANTAGE-AGT-0035 ")).count(),
                    "said once for the connection: " + logged);
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(level);
        }
    }

    @Test
    void a_run_made_while_the_server_was_down_is_spooled_and_arrives_after_the_reconnect() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort(); // free, and nobody listens once closed: the server is down
        }
        AtomicLong firstRunTime = new AtomicLong();
        try (Agent agent = start(List.of(new ServerAddress("127.0.0.1", port)), spoolDir, firstRunTime)) {
            Eventually.await("a few runs spooled while the server is down", () -> agent.unacknowledged() >= 3);
            try (FakeServer server = new FakeServer(port)) {
                server.welcomeVersion(ProtocolVersions.V2);

                Eventually.await("the run made during the outage", () -> !server.connections().isEmpty()
                        && server.connection(1).checkRuns.stream()
                        .anyMatch(run -> run.finishedAtMillis() == firstRunTime.get()));
                Eventually.await("everything acknowledged", () -> agent.unacknowledged() == 0);
            }
        }
    }

    private static Agent start(List<ServerAddress> servers, Path spoolDir) throws IOException {
        return start(servers, spoolDir, new AtomicLong());
    }

    /** An agent whose one collector finishes a run of check {@code disk} at every tick. */
    private static Agent start(List<ServerAddress> servers, Path spoolDir, AtomicLong firstRunTime)
            throws IOException {
        Collector disk = new Collector() {
            @Override
            public String name() {
                return "checks";
            }

            @Override
            public void collect(long timestampMillis, List<Sample> into) {
                throw new AssertionError("the agent asks for check runs along with samples");
            }

            @Override
            public void collect(long timestampMillis, List<Sample> into, List<CheckRun> checksInto) {
                firstRunTime.compareAndSet(0, timestampMillis);
                into.add(new Sample("check.disk.status", timestampMillis, 1));
                checksInto.add(new CheckRun("disk", 1, "DISK WARNING - free space: / 3326 MB (5%) at "
                        + timestampMillis, timestampMillis, 42));
            }
        };
        Agent agent = Agent.open(TestAgents.config(servers, TestAgents.FAST_TICKS, spoolDir),
                TestAgents.fastSettings(), new CollectorSet(List.of(disk)));
        agent.start();
        return agent;
    }
}

package io.vantage.connector.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vantage.connector.api.AgentBatch;
import io.vantage.connector.api.AgentCredentials;
import io.vantage.connector.testing.Batches;
import io.vantage.connector.testing.RecordingListener;
import io.vantage.connector.testing.RunningServer;
import io.vantage.connector.testing.TestAgent;
import io.vantage.connector.testing.TestSettings;
import io.vantage.protocol.Ack;
import io.vantage.protocol.ErrorCode;
import io.vantage.protocol.Hello;
import io.vantage.protocol.Ping;
import io.vantage.protocol.Pong;
import io.vantage.protocol.ProtocolVersions;
import io.vantage.protocol.Welcome;

/** The handshake: HELLO, admission by the application, WELCOME, and what happens when any of it goes wrong. */
class AgentServerHandshakeTest {

    private final RecordingListener listener = new RecordingListener();
    private RunningServer server;

    @BeforeEach
    void start() throws Exception {
        server = new RunningServer(TestSettings.loopback().idleTimeout(Duration.ofSeconds(30)).build(), listener);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void an_admitted_agent_is_welcomed_and_its_batches_are_acknowledged_in_the_order_sent() throws Exception {
        listener.lastStoredSequence(41);
        try (TestAgent agent = server.connect()) {
            Welcome welcome = agent.handshake("agent-1");
            assertEquals(new Welcome(ProtocolVersions.MAX_SUPPORTED, 41, 10), welcome);

            for (long sequence = 42; sequence <= 51; sequence++) {
                agent.send(Batches.small(sequence));
            }
            for (long sequence = 42; sequence <= 51; sequence++) {
                assertEquals(new Ack(sequence), agent.read());
            }
        }
        assertEquals(LongStream.rangeClosed(42, 51).boxed().toList(), listener.storedSequences());
        assertTrue(listener.deliveryThreads().stream().allMatch("test-delivery"::equals),
                "deliveries ran on " + listener.deliveryThreads());
    }

    @Test
    void the_application_receives_the_agents_words_and_its_batches_in_columns() throws Exception {
        try (TestAgent agent = server.connect()) {
            agent.handshake("agent-1");
            agent.send(Batches.small(7));
            agent.read(Ack.class);
        }
        AgentCredentials credentials = listener.admissions().get(0);
        assertEquals("agent-1", credentials.agentId());
        assertEquals(RecordingListener.KEY, credentials.agentKey());
        assertEquals("agent-1.example.org", credentials.hostname());
        assertEquals("test-agent-1.0", credentials.agentVersion());
        assertTrue(credentials.remoteAddress().contains("127.0.0.1"), credentials.remoteAddress());

        AgentBatch batch = listener.stored().get(0);
        assertEquals("agent-1", batch.agentId());
        assertEquals("agent-1.example.org", batch.hostname());
        assertEquals(7, batch.sequence());
        assertArrayEquals(new String[] {"cpu.user", "mem.used"}, batch.metrics());
        assertArrayEquals(new long[] {1_700_000_000_007L, 1_700_000_000_007L}, batch.timestamps());
        assertArrayEquals(new double[] {12.5, 2048}, batch.values());
    }

    @Test
    void an_agent_with_a_wrong_key_gets_authentication_failed_and_is_closed() throws Exception {
        try (TestAgent agent = server.connect()) {
            agent.send(TestAgent.hello("agent-1", "guessed"));
            assertEquals("unknown agent or wrong key", agent.readError(ErrorCode.AUTHENTICATION_FAILED).message());
            agent.assertClosedByServer();
        }
    }

    @Test
    void a_batch_before_hello_gets_unexpected_frame_and_is_closed() throws Exception {
        try (TestAgent agent = server.connect()) {
            agent.send(Batches.small(1));
            agent.readError(ErrorCode.UNEXPECTED_FRAME);
            agent.assertClosedByServer();
        }
        assertEquals(List.of(), listener.admissions());
        assertEquals(0, listener.deliveriesStarted());
    }

    @Test
    void a_hello_speaking_only_versions_the_server_does_not_gets_unsupported_version_and_is_closed() throws Exception {
        try (TestAgent agent = server.connect()) {
            agent.send(new Hello(ProtocolVersions.MAX_SUPPORTED + 1, ProtocolVersions.MAX_SUPPORTED + 3, "agent-1",
                    RecordingListener.KEY, "host", "9.0"));
            agent.readError(ErrorCode.UNSUPPORTED_VERSION);
            agent.assertClosedByServer();
        }
        assertEquals(List.of(), listener.admissions());
    }

    @Test
    void a_second_hello_from_an_admitted_agent_gets_unexpected_frame() throws Exception {
        try (TestAgent agent = server.connect()) {
            agent.handshake("agent-1");
            agent.send(TestAgent.hello("agent-1", RecordingListener.KEY));
            agent.readError(ErrorCode.UNEXPECTED_FRAME);
            agent.assertClosedByServer();
        }
    }

    @Test
    void a_ping_is_answered_with_a_pong_carrying_its_nonce() throws Exception {
        try (TestAgent agent = server.connect()) {
            agent.handshake("agent-1");
            agent.send(new Ping(0xC0FFEEL));
            assertEquals(new Pong(0xC0FFEEL), agent.read());
            agent.send(Batches.small(1));
            assertEquals(new Ack(1), agent.read());
        }
    }

    @Test
    void an_admission_that_fails_inside_the_application_drops_only_that_connection() throws Exception {
        listener.explodeOnAdmit("unlucky");
        try (TestAgent unlucky = server.connect(); TestAgent other = server.connect()) {
            unlucky.send(TestAgent.hello("unlucky", RecordingListener.KEY));
            unlucky.assertClosedByServer();

            other.handshake("other");
            other.send(Batches.small(1));
            assertEquals(new Ack(1), other.read());
        }
    }

    @Test
    void a_hello_the_application_is_too_busy_to_take_is_asked_again_and_welcomed_without_a_reconnect()
            throws Exception {
        listener.busyOnAdmit(2);
        try (TestAgent agent = server.connect()) {
            Welcome welcome = agent.handshake("patient");
            assertEquals(ProtocolVersions.MAX_SUPPORTED, welcome.version());
            agent.send(Batches.small(1));
            assertEquals(new Ack(1), agent.read());
        }
        assertEquals(3, listener.admissions().size(), "asked three times over one connection");
    }
}

package io.vantage.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vantage.connector.api.AgentBatch;
import io.vantage.connector.testing.Await;
import io.vantage.connector.testing.Batches;
import io.vantage.connector.testing.LogCapture;
import io.vantage.connector.testing.RecordingListener;
import io.vantage.connector.testing.RunningServer;
import io.vantage.connector.testing.TestAgent;
import io.vantage.connector.testing.TestSettings;
import io.vantage.connector.testing.TestTls;
import io.vantage.protocol.Ack;
import io.vantage.protocol.ErrorCode;
import io.vantage.protocol.FrameCodec;
import io.vantage.protocol.Ping;
import io.vantage.protocol.Pong;
import io.vantage.protocol.SampleBatch;

/**
 * The agent listener with a keystore: the protocol runs unchanged inside TLS (limits, backpressure, errors and
 * timeouts included), and whatever is not TLS is turned away at once.
 */
class AgentServerTlsTest {

    private final RecordingListener listener = new RecordingListener();
    private RunningServer server;

    @AfterEach
    void stop() {
        listener.releaseDeliveries();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void an_agent_that_trusts_the_certificate_is_welcomed_and_its_batches_are_acknowledged() throws Exception {
        start(TestSettings.loopback());
        try (TestAgent agent = server.connectTls(TestTls.trustingClient())) {
            assertEquals("TLSv1.3", agent.tlsProtocol());
            agent.handshake("agent-1");
            agent.send(Batches.small(1));
            agent.send(Batches.small(2));
            assertEquals(new Ack(1), agent.read());
            assertEquals(new Ack(2), agent.read());
        }
        assertEquals(List.of(1L, 2L), listener.storedSequences());
    }

    @Test
    void a_listener_allowing_only_tls_1_2_serves_agents_over_tls_1_2() throws Exception {
        server = new RunningServer(TestSettings.loopback().build(), listener, TestTls.serverTls(List.of("TLSv1.2")));
        try (TestAgent agent = server.connectTls(TestTls.trustingClient())) {
            assertEquals("TLSv1.2", agent.tlsProtocol());
            agent.handshake("agent-1");
            agent.send(Batches.small(1));
            assertEquals(new Ack(1), agent.read());
        }
    }

    @Test
    void a_plaintext_client_is_closed_at_once_and_logged_while_a_tls_agent_keeps_flowing() throws Exception {
        start(TestSettings.loopback().handshakeTimeout(Duration.ofSeconds(30)));
        try (LogCapture log = new LogCapture(); TestAgent tls = server.connectTls(TestTls.trustingClient());
             TestAgent plain = server.connect()) {
            tls.handshake("tls-agent");
            tls.send(Batches.small(1));
            assertEquals(new Ack(1), tls.read());

            long sent = System.nanoTime();
            plain.send(TestAgent.hello("plain-agent", RecordingListener.KEY));
            plain.assertClosedByServer();
            long closedMillis = (System.nanoTime() - sent) / 1_000_000;
            assertTrue(closedMillis < 2_000, "closed after " + closedMillis + " ms, not at once");
            log.await("VANTAGE-CON-0038", "does not speak TLS");

            tls.send(Batches.small(2));
            assertEquals(new Ack(2), tls.read());
        }
        assertEquals(1, listener.admissions().size(), "the plaintext hello never reached the application");
    }

    @Test
    void a_client_that_does_not_trust_the_certificate_gets_no_session_and_the_listener_logs_why() throws Exception {
        start(TestSettings.loopback());
        try (LogCapture log = new LogCapture()) {
            assertThrows(SSLHandshakeException.class, () -> server.connectTls(SSLContext.getDefault()));
            log.await("VANTAGE-CON-0039", "the TLS handshake with", "failed");
        }
        try (TestAgent agent = server.connectTls(TestTls.trustingClient())) {
            agent.handshake("agent-1");
        }
        assertEquals(1, listener.admissions().size());
    }

    @Test
    void a_batch_close_to_the_largest_frame_crosses_tls_intact() throws Exception {
        start(TestSettings.loopback().maxFrameBytes(1 << 20));
        SampleBatch large = Batches.ofSize(1, 49_900);
        int frameBytes = FrameCodec.encode(large).length - 4;
        assertTrue(frameBytes > (1 << 20) - 1024 && frameBytes <= 1 << 20, frameBytes + " bytes");
        try (TestAgent agent = server.connectTls(TestTls.trustingClient())) {
            agent.handshake("agent-1");
            agent.send(large);
            assertEquals(new Ack(1), agent.read());
        }
        AgentBatch stored = listener.stored().get(0);
        assertEquals(49_900, stored.size());
        for (int i = 0; i < stored.size(); i++) {
            assertEquals(large.samples().get(i).metric(), stored.metrics()[i]);
            assertEquals(large.samples().get(i).timestampMillis(), stored.timestamps()[i]);
            assertEquals(large.samples().get(i).value(), stored.values()[i]);
        }
    }

    @Test
    void a_frame_over_the_limit_gets_frame_too_large_through_tls_and_a_clean_close() throws Exception {
        start(TestSettings.loopback().maxFrameBytes(1024));
        try (TestAgent agent = server.connectTls(TestTls.trustingClient())) {
            agent.handshake("agent-1");
            agent.send(Batches.ofSize(1, 100));
            agent.readError(ErrorCode.FRAME_TOO_LARGE);
            agent.assertClosedByServer();
        }
        assertEquals(0, listener.deliveriesStarted());
    }

    @Test
    void many_small_frames_coalesced_in_tls_records_are_all_decoded_and_answered_in_order() throws Exception {
        start(TestSettings.loopback().maxBatchesInFlight(2));
        int pings = 3_000;
        int batches = 500;
        ByteArrayOutputStream burst = new ByteArrayOutputStream();
        for (int i = 1; i <= pings; i++) {
            burst.writeBytes(FrameCodec.encode(new Ping(i)));
        }
        for (long sequence = 1; sequence <= batches; sequence++) {
            burst.writeBytes(FrameCodec.encode(Batches.small(sequence)));
        }
        try (TestAgent agent = server.connectTls(TestTls.trustingClient())) {
            agent.handshake("agent-1");
            // one write: the client packs the frames into full 16 KiB records, many frames each, some split
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> send(agent, burst.toByteArray()));
            for (int i = 1; i <= pings; i++) {
                assertEquals(new Pong(i), agent.read());
            }
            for (long sequence = 1; sequence <= batches; sequence++) {
                assertEquals(new Ack(sequence), agent.read());
            }
            sending.join();
        }
        assertEquals(LongStream.rangeClosed(1, batches).boxed().toList(), listener.storedSequences());
    }

    @Test
    void a_blocked_application_pauses_reading_over_tls_and_nothing_is_lost_or_acked_early() throws Exception {
        start(TestSettings.loopback().maxBatchesInFlight(2));
        listener.holdDeliveries();
        int batches = 8;
        try (TestAgent agent = server.connectTls(TestTls.trustingClient())) {
            agent.handshake("agent-1");
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                for (long sequence = 1; sequence <= batches; sequence++) {
                    send(agent, FrameCodec.encode(Batches.ofSize(sequence, 10_000)));
                }
            });
            Await.until("the server to stop reading", () -> server.stats().readPausedConnections() == 1);
            assertEquals(0, server.stats().batchesAcknowledged());
            assertEquals(0, agent.available(), "nothing may be acknowledged before it is stored");

            listener.releaseDeliveries();
            for (long sequence = 1; sequence <= batches; sequence++) {
                assertEquals(new Ack(sequence), agent.read());
            }
            sending.join();
        }
        assertEquals(LongStream.rangeClosed(1, batches).boxed().toList(), listener.storedSequences());
    }

    @Test
    void a_connection_that_never_starts_the_handshake_is_closed_at_the_handshake_timeout() throws Exception {
        start(TestSettings.loopback().handshakeTimeout(Duration.ofMillis(300)));
        try (TestAgent silent = server.connect()) {
            silent.assertClosedByServer();
        }
        Await.until("the connection to be gone", () -> server.stats().openConnections() == 0);
    }

    @Test
    void an_admitted_tls_agent_that_goes_quiet_is_closed_with_idle_timeout() throws Exception {
        start(TestSettings.loopback().idleTimeout(Duration.ofMillis(300)));
        try (TestAgent agent = server.connectTls(TestTls.trustingClient())) {
            agent.handshake("agent-1");
            agent.readError(ErrorCode.IDLE_TIMEOUT);
            agent.assertClosedByServer();
        }
    }

    @Test
    void stopping_the_listener_closes_tls_agents_and_frees_every_connection() throws Exception {
        start(TestSettings.loopback());
        try (TestAgent first = server.connectTls(TestTls.trustingClient());
             TestAgent second = server.connectTls(TestTls.trustingClient())) {
            first.handshake("first");
            second.handshake("second");
            server.server().stop();
            first.assertClosedByServer();
            second.assertClosedByServer();
        }
        assertEquals(0, server.stats().openConnections());
    }

    private void start(TestSettings settings) throws Exception {
        server = new RunningServer(settings.build(), listener, TestTls.serverTls());
    }

    private static void send(TestAgent agent, byte[] bytes) {
        try {
            agent.sendRaw(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

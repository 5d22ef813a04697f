package io.vantage.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vantage.connector.testing.Await;
import io.vantage.connector.testing.Batches;
import io.vantage.connector.testing.RecordingListener;
import io.vantage.connector.testing.RunningServer;
import io.vantage.connector.testing.TestAgent;
import io.vantage.connector.testing.TestSettings;
import io.vantage.protocol.Ack;
import io.vantage.protocol.ErrorCode;
import io.vantage.protocol.FrameType;
import io.vantage.protocol.Ping;
import io.vantage.protocol.Pong;

/** Misbehaving peers get an error and lose their connection; nobody else notices. */
class AgentServerMisbehaviourTest {

    private final RecordingListener listener = new RecordingListener();
    private RunningServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_connection_sending_garbage_gets_an_error_and_is_closed_while_others_keep_flowing() throws Exception {
        server = new RunningServer(TestSettings.loopback().build(), listener);
        try (TestAgent good = server.connect(); TestAgent bad = server.connect()) {
            good.handshake("good");
            good.send(Batches.small(1));
            assertEquals(new Ack(1), good.read());

            bad.sendRaw(new byte[] {0, 0, 0, 3, 0x7F, 0x13, 0x37});
            bad.readError(ErrorCode.MALFORMED_FRAME);
            bad.assertClosedByServer();

            good.send(Batches.small(2));
            assertEquals(new Ack(2), good.read());
        }
    }

    @Test
    void an_oversized_frame_gets_frame_too_large_and_is_closed() throws Exception {
        server = new RunningServer(TestSettings.loopback().maxFrameBytes(1024).build(), listener);
        try (TestAgent agent = server.connect()) {
            agent.handshake("agent-1");
            agent.send(Batches.ofSize(1, 100));
            agent.readError(ErrorCode.FRAME_TOO_LARGE);
            agent.assertClosedByServer();
        }
        assertEquals(0, listener.deliveriesStarted());
    }

    @Test
    void an_http_client_that_lost_its_way_gets_an_error_and_is_closed() throws Exception {
        server = new RunningServer(TestSettings.loopback().build(), listener);
        try (TestAgent browser = server.connect()) {
            browser.sendRaw("GET / HTTP/1.1\r\nHost: vantage\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            browser.readError(ErrorCode.FRAME_TOO_LARGE);
            browser.assertClosedByServer();
        }
    }

    @Test
    void a_connection_that_never_says_hello_is_closed_when_the_handshake_times_out() throws Exception {
        server = new RunningServer(TestSettings.loopback().handshakeTimeout(Duration.ofMillis(200)).build(), listener);
        try (TestAgent agent = server.connect()) {
            agent.readError(ErrorCode.IDLE_TIMEOUT);
            agent.assertClosedByServer();
        }
    }

    @Test
    void an_admitted_agent_that_goes_quiet_is_closed_with_idle_timeout() throws Exception {
        server = new RunningServer(TestSettings.loopback().idleTimeout(Duration.ofMillis(300)).build(), listener);
        try (TestAgent agent = server.connect()) {
            agent.handshake("agent-1");
            agent.readError(ErrorCode.IDLE_TIMEOUT);
            agent.assertClosedByServer();
        }
    }

    @Test
    void a_slowloris_trickling_a_frame_that_never_completes_is_closed_with_idle_timeout() throws Exception {
        server = new RunningServer(TestSettings.loopback().idleTimeout(Duration.ofMillis(300)).build(), listener);
        AtomicBoolean trickling = new AtomicBoolean(true);
        try (TestAgent agent = server.connect()) {
            agent.handshake("agent-1");
            agent.sendRaw(ByteBuffer.allocate(5).putInt(1000).put((byte) FrameType.BATCH.code()).array());
            Thread trickler = new Thread(() -> {
                try {
                    while (trickling.get()) {
                        agent.sendRaw(new byte[] {1});
                        Thread.sleep(20);
                    }
                } catch (Exception closed) {
                    // the server hung up, as it should
                }
            }, "slowloris");
            trickler.start();

            agent.readError(ErrorCode.IDLE_TIMEOUT);
            agent.assertClosedByServer();
            trickling.set(false);
            trickler.join();
        }
    }

    @Test
    void connections_beyond_the_limit_are_closed_at_once_and_a_freed_place_is_taken_again() throws Exception {
        server = new RunningServer(TestSettings.loopback().maxConnections(2).build(), listener);
        try (TestAgent first = server.connect(); TestAgent second = server.connect()) {
            first.handshake("first");
            second.handshake("second");
            try (TestAgent third = server.connect()) {
                third.assertClosedByServer();
            }
            assertEquals(2, server.stats().openConnections());

            first.close();
            Await.until("the server to notice the first agent left", () -> server.stats().openConnections() == 1);
            try (TestAgent fourth = server.connect()) {
                fourth.handshake("fourth");
            }
            second.send(Batches.small(1));
            assertEquals(new Ack(1), second.read());
        }
    }

    @Test
    void a_failure_inside_the_application_answers_batch_not_stored_and_keeps_the_connection() throws Exception {
        server = new RunningServer(TestSettings.loopback().build(), listener);
        listener.explodeOnDeliver();
        try (TestAgent agent = server.connect()) {
            agent.handshake("agent-1");
            agent.send(Batches.small(1));
            agent.readError(ErrorCode.BATCH_NOT_STORED);
            agent.send(new Ping(5));
            assertEquals(new Pong(5), agent.read());
        }
    }
}

package io.vantage.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vantage.connector.testing.Await;
import io.vantage.connector.testing.Batches;
import io.vantage.connector.testing.RecordingListener;
import io.vantage.connector.testing.RunningServer;
import io.vantage.connector.testing.TestAgent;
import io.vantage.connector.testing.TestSettings;
import io.vantage.protocol.Ack;
import io.vantage.protocol.ErrorCode;

/** How batches reach the application and how its answers reach the agent, including when it is slow or failing. */
class AgentServerDeliveryTest {

    private final RecordingListener listener = new RecordingListener();
    private RunningServer server;

    @BeforeEach
    void start() throws Exception {
        server = new RunningServer(TestSettings.loopback().maxBatchesInFlight(2).build(), listener);
    }

    @AfterEach
    void stop() {
        listener.releaseDeliveries();
        server.close();
    }

    @Test
    void a_batch_that_was_not_stored_keeps_the_connection_open_and_its_resend_is_acknowledged() throws Exception {
        listener.failOnceWithNotStored(1);
        try (TestAgent agent = server.connect()) {
            agent.handshake("agent-1");
            agent.send(Batches.small(1));
            assertEquals("batch 1 was not stored; send it again later",
                    agent.readError(ErrorCode.BATCH_NOT_STORED).message());

            agent.send(Batches.small(1));
            assertEquals(new Ack(1), agent.read());
        }
        assertEquals(List.of(1L), listener.storedSequences());
    }

    @Test
    void batches_behind_one_that_was_not_stored_are_refused_until_it_is_stored() throws Exception {
        listener.failOnceWithNotStored(1);
        listener.holdDeliveries();
        try (TestAgent agent = server.connect()) {
            agent.handshake("agent-1");
            agent.send(Batches.small(1));
            agent.send(Batches.small(2));
            Await.until("both batches received", () -> server.stats().batchesReceived() == 2);
            listener.releaseDeliveries();
            agent.readError(ErrorCode.BATCH_NOT_STORED);
            assertEquals("batch 2 was not stored; send it again later",
                    agent.readError(ErrorCode.BATCH_NOT_STORED).message());
            agent.send(Batches.small(3));
            agent.readError(ErrorCode.BATCH_NOT_STORED);

            for (long sequence = 1; sequence <= 3; sequence++) {
                agent.send(Batches.small(sequence));
                assertEquals(new Ack(sequence), agent.read());
            }
        }
        assertEquals(List.of(1L, 2L, 3L), listener.storedSequences());
        assertEquals(4, listener.deliveriesStarted(), "2 and 3 must not reach the application before 1 is stored");
    }

    @Test
    void a_rejected_batch_gets_batch_rejected_and_the_batches_after_it_still_flow() throws Exception {
        listener.reject(2);
        try (TestAgent agent = server.connect()) {
            agent.handshake("agent-1");
            agent.send(Batches.small(1));
            agent.send(Batches.small(2));
            agent.send(Batches.small(3));
            assertEquals(new Ack(1), agent.read());
            assertEquals("batch 2 rejected: metric name not allowed",
                    agent.readError(ErrorCode.BATCH_REJECTED).message());
            assertEquals(new Ack(3), agent.read());
        }
        assertEquals(List.of(1L, 3L), listener.storedSequences());
    }

    @Test
    void a_blocked_application_stops_the_server_reading_from_the_agent_and_nothing_is_lost_or_acked_early()
            throws Exception {
        listener.holdDeliveries();
        int batches = 10;
        try (TestAgent agent = server.connect()) {
            agent.handshake("agent-1");
            // 210 KB each, over three socket reads: a read can complete at most one of them
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    for (long sequence = 1; sequence <= batches; sequence++) {
                        agent.send(Batches.ofSize(sequence, 10_000));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            Await.until("the first delivery to start", () -> listener.deliveriesStarted() == 1);
            Await.until("the server to stop reading", () -> server.stats().readPausedConnections() == 1);
            AgentServerStats paused = server.stats();
            assertEquals(2, paused.batchesReceived(), "batches taken in while the application is blocked");
            assertEquals(0, paused.batchesAcknowledged());
            assertEquals(0, agent.available(), "nothing may be acknowledged before it is stored");
            assertEquals(1, listener.deliveriesStarted());

            listener.releaseDeliveries();
            for (long sequence = 1; sequence <= batches; sequence++) {
                assertEquals(new Ack(sequence), agent.read());
            }
            sending.join();
        }
        assertEquals(LongStream.rangeClosed(1, batches).boxed().toList(), listener.storedSequences());
        assertTrue(listener.stored().stream().allMatch(batch -> batch.size() == 10_000));
    }
}

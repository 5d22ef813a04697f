package io.vantage.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vantage.connector.testing.Batches;
import io.vantage.connector.testing.LogCapture;
import io.vantage.connector.testing.RecordingListener;
import io.vantage.connector.testing.TestAgent;
import io.vantage.connector.testing.TestSettings;
import io.vantage.protocol.Ack;

/**
 * The safety net under every call handed to the application: should its outcome never come back (an executor that
 * takes the call and then neither runs nor refuses it), the connection is closed once the admission or the oldest
 * unanswered batch has waited past its limit, so the agent reconnects and sends again instead of waiting forever.
 */
class AgentServerLostOutcomeTest {

    private final RecordingListener listener = new RecordingListener();
    private final LosingExecutor deliveries = new LosingExecutor();
    private final LogCapture log = new LogCapture();
    private AgentServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
        deliveries.threads.shutdownNow();
        log.close();
    }

    @Test
    void a_hello_whose_admission_never_comes_back_is_closed_after_six_handshake_timeouts_and_welcomed_on_reconnect()
            throws Exception {
        Duration handshake = Duration.ofMillis(250);
        start(TestSettings.loopback().handshakeTimeout(handshake));
        deliveries.loseNext(1);
        try (TestAgent agent = TestAgent.connect(server.localAddress())) {
            long helloAt = System.nanoTime();
            agent.send(TestAgent.hello("agent-1", RecordingListener.KEY));
            agent.assertClosedByServer();
            Duration waited = Duration.ofNanos(System.nanoTime() - helloAt);
            assertTrue(waited.compareTo(handshake.multipliedBy(6)) >= 0, "closed after " + waited);
        }
        log.await("VANTAGE-CON-0041", "agent agent-1");

        try (TestAgent agent = TestAgent.connect(server.localAddress())) {
            agent.handshake("agent-1");
        }
    }

    @Test
    void a_batch_whose_outcome_never_comes_back_is_closed_after_the_delivery_timeout_and_its_resend_is_stored()
            throws Exception {
        start(TestSettings.loopback().deliveryTimeout(Duration.ofMillis(500)));
        try (TestAgent agent = TestAgent.connect(server.localAddress())) {
            agent.handshake("agent-1");
            deliveries.loseNext(1);
            agent.send(Batches.small(1));
            agent.send(Batches.small(2));
            agent.assertClosedByServer();
        }
        log.await("VANTAGE-CON-0042", "batch 1 of agent agent-1", "its 2 unanswered batches");

        try (TestAgent agent = TestAgent.connect(server.localAddress())) {
            agent.handshake("agent-1");
            agent.send(Batches.small(1));
            agent.send(Batches.small(2));
            assertEquals(new Ack(1), agent.read());
            assertEquals(new Ack(2), agent.read());
        }
        assertEquals(List.of(1L, 2L), listener.storedSequences());
    }

    private void start(TestSettings settings) throws IOException {
        server = new AgentServer(settings.build(), deliveries, listener);
        server.start();
    }

    /** Runs calls on its own threads, except the ones it is told to lose: taken, then never run nor refused. */
    private static final class LosingExecutor implements Executor {

        private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "test-delivery");
            thread.setDaemon(true);
            return thread;
        });
        private final AtomicInteger toLose = new AtomicInteger();

        void loseNext(int calls) {
            toLose.set(calls);
        }

        @Override
        public void execute(Runnable task) {
            if (toLose.getAndUpdate(left -> Math.max(0, left - 1)) == 0) {
                threads.execute(task);
            }
        }
    }
}

package io.vantage.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vantage.connector.testing.Await;
import io.vantage.connector.testing.Batches;
import io.vantage.connector.testing.RecordingListener;
import io.vantage.connector.testing.TestAgent;
import io.vantage.protocol.Ack;
import io.vantage.protocol.ErrorCode;
import io.vantage.protocol.Ping;
import io.vantage.protocol.Pong;

/**
 * Every HELLO and every BATCH handed to the container's WorkManager gets exactly one answer, whatever the
 * WorkManager says about the Work: that it refused it, dropped it at its start timeout (IronJacamar 3.0 says so only
 * through workCompleted), rejected it after taking it, or that a Work which already answered failed. A PING after
 * the last expected answer shows that nothing else was queued before its PONG.
 */
class WorkManagerNoticesTest {

    private final RecordingListener bean = new RecordingListener();
    private final FakeWorkManager workManager = new FakeWorkManager();
    private final FakeEndpointFactory endpoints = new FakeEndpointFactory(bean);
    private final AgentResourceAdapter adapter = new AgentResourceAdapter();

    @BeforeEach
    void start() throws Exception {
        adapter.setBindAddress("127.0.0.1");
        adapter.setPort(0);
        adapter.setHandshakeTimeoutSeconds(3);
        adapter.setGraphiteBindAddress("127.0.0.1");
        adapter.setGraphitePort(0);
        adapter.start(new FakeBootstrapContext(workManager));
        AgentActivationSpec spec = new AgentActivationSpec();
        spec.setResourceAdapter(adapter);
        adapter.endpointActivation(endpoints, spec);
    }

    @AfterEach
    void stop() {
        adapter.stop();
        workManager.shutdown();
    }

    @Test
    void a_hello_whose_work_was_dropped_at_its_start_timeout_is_asked_again_and_the_agent_is_welcomed()
            throws Exception {
        workManager.timeOutStarts(1);
        try (TestAgent agent = TestAgent.connect(adapter.listeningAddress())) {
            agent.handshake("agent-1");
            assertOnlyPongFollows(agent);
        }
        assertEquals(1, bean.admissions().size(), "the dropped Work never reached the application");
        assertEquals(2, workManager.scheduled());
    }

    @Test
    void a_batch_whose_work_was_dropped_at_its_start_timeout_is_answered_not_stored_and_its_resend_is_stored()
            throws Exception {
        try (TestAgent agent = TestAgent.connect(adapter.listeningAddress())) {
            agent.handshake("agent-1");
            workManager.timeOutStarts(1);
            assertNotStoredThenStoredWhenResent(agent);
        }
        assertEquals(List.of(1L), bean.storedSequences());
        assertEquals(1, bean.deliveriesStarted(), "the dropped Work never reached the application");
    }

    @Test
    void a_batch_the_work_manager_refuses_is_answered_once_although_the_refusal_comes_both_thrown_and_told()
            throws Exception {
        try (TestAgent agent = TestAgent.connect(adapter.listeningAddress())) {
            agent.handshake("agent-1");
            workManager.refuse();
            agent.send(Batches.small(1));
            agent.readError(ErrorCode.BATCH_NOT_STORED);
            workManager.stopRefusing();
            agent.send(Batches.small(1));
            assertEquals(new Ack(1), agent.read());
            assertOnlyPongFollows(agent);
        }
        assertEquals(List.of(1L), bean.storedSequences());
    }

    @Test
    void a_hello_the_work_manager_refuses_is_asked_again_and_welcomed_once() throws Exception {
        workManager.refuse();
        try (TestAgent agent = TestAgent.connect(adapter.listeningAddress())) {
            agent.send(TestAgent.hello("agent-1", RecordingListener.KEY));
            Await.until("the hello to be refused and asked about again", () -> workManager.refused() >= 2);
            workManager.stopRefusing();
            agent.read(io.vantage.protocol.Welcome.class);
            assertOnlyPongFollows(agent);
        }
        assertEquals(1, bean.admissions().size());
    }

    @Test
    void a_batch_rejected_through_the_listener_after_the_work_manager_took_it_is_answered_not_stored()
            throws Exception {
        try (TestAgent agent = TestAgent.connect(adapter.listeningAddress())) {
            agent.handshake("agent-1");
            workManager.rejectAfterTaking();
            agent.send(Batches.small(1));
            agent.readError(ErrorCode.BATCH_NOT_STORED);
            assertOnlyPongFollows(agent);
        }
        assertEquals(0, bean.deliveriesStarted(), "a rejected Work never ran");
    }

    @Test
    void a_work_that_answered_and_then_failed_with_an_error_is_not_answered_a_second_time() throws Exception {
        bean.failOnceWithError(1);
        try (TestAgent agent = TestAgent.connect(adapter.listeningAddress())) {
            agent.handshake("agent-1");
            assertNotStoredThenStoredWhenResent(agent);
        }
        assertEquals(List.of(1L), bean.storedSequences());
    }

    /** Batch 1 is answered "not stored", its resend is acknowledged, and nothing else is answered. */
    private static void assertNotStoredThenStoredWhenResent(TestAgent agent) throws Exception {
        agent.send(Batches.small(1));
        agent.readError(ErrorCode.BATCH_NOT_STORED);
        agent.send(Batches.small(1));
        assertEquals(new Ack(1), agent.read());
        assertOnlyPongFollows(agent);
    }

    private static void assertOnlyPongFollows(TestAgent agent) throws Exception {
        agent.send(new Ping(42));
        assertEquals(new Pong(42), agent.read());
    }
}

package io.vantage.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vantage.connector.testing.Batches;
import io.vantage.connector.testing.RecordingListener;
import io.vantage.connector.testing.TestAgent;
import io.vantage.protocol.Ack;
import io.vantage.protocol.ErrorCode;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.work.WorkManager;

/** The JCA glue: the adapter's lifecycle, endpoint activation, and delivery as Work through MessageEndpoints. */
class AgentResourceAdapterTest {

    private final RecordingListener bean = new RecordingListener();
    private final FakeWorkManager workManager = new FakeWorkManager();
    private final FakeEndpointFactory endpoints = new FakeEndpointFactory(bean);
    private final AgentResourceAdapter adapter = loopbackAdapter();
    private final AgentActivationSpec spec = new AgentActivationSpec();

    @BeforeEach
    void start() throws Exception {
        adapter.start(new FakeBootstrapContext(workManager));
        spec.setResourceAdapter(adapter);
    }

    @AfterEach
    void stop() {
        adapter.stop();
        workManager.shutdown();
    }

    @Test
    void an_activated_endpoint_admits_agents_and_stores_their_batches_through_work() throws Exception {
        adapter.endpointActivation(endpoints, spec);
        try (TestAgent agent = TestAgent.connect(adapter.listeningAddress())) {
            agent.handshake("agent-1");
            agent.send(Batches.small(1));
            assertEquals(new Ack(1), agent.read());
        }
        assertEquals(List.of(1L), bean.storedSequences());
        assertEquals(List.of("before admit", "admit", "after", "release", "before deliver", "deliver", "after",
                "release"), endpoints.events());
        assertEquals(2, workManager.scheduled());
        assertEquals(WorkManager.IMMEDIATE, workManager.lastStartTimeout(), "the selector thread must never wait");
        assertEquals(List.of(FakeWorkManager.THREAD_NAME), bean.deliveryThreads());
    }

    @Test
    void after_deactivation_batches_are_not_stored_and_new_agents_are_turned_away() throws Exception {
        adapter.endpointActivation(endpoints, spec);
        try (TestAgent admitted = TestAgent.connect(adapter.listeningAddress())) {
            admitted.handshake("agent-1");
            adapter.endpointDeactivation(endpoints, spec);

            admitted.send(Batches.small(1));
            admitted.readError(ErrorCode.BATCH_NOT_STORED);
            try (TestAgent late = TestAgent.connect(adapter.listeningAddress())) {
                late.send(TestAgent.hello("agent-2", RecordingListener.KEY));
                late.assertClosedByServer();
            }
        }
        assertEquals(0, bean.deliveriesStarted());
        assertEquals(1, bean.admissions().size());
    }

    @Test
    void a_batch_whose_after_delivery_fails_is_not_acknowledged() throws Exception {
        endpoints.failAfterDeliveryOf("deliver");
        adapter.endpointActivation(endpoints, spec);
        try (TestAgent agent = TestAgent.connect(adapter.listeningAddress())) {
            agent.handshake("agent-1");
            agent.send(Batches.small(1));
            agent.readError(ErrorCode.BATCH_NOT_STORED);
        }
        assertTrue(endpoints.events().containsAll(List.of("deliver", "after", "release")),
                endpoints.events().toString());
    }

    @Test
    void a_work_manager_that_refuses_work_leaves_the_batch_not_stored() throws Exception {
        adapter.endpointActivation(endpoints, spec);
        try (TestAgent agent = TestAgent.connect(adapter.listeningAddress())) {
            agent.handshake("agent-1");
            workManager.refuse();
            agent.send(Batches.small(1));
            agent.readError(ErrorCode.BATCH_NOT_STORED);
        }
        assertEquals(0, bean.deliveriesStarted());
    }

    @Test
    void calls_take_turns_among_the_active_endpoints_and_a_spec_is_activated_once() throws Exception {
        RecordingListener otherBean = new RecordingListener();
        FakeEndpointFactory otherEndpoints = new FakeEndpointFactory(otherBean);
        AgentActivationSpec otherSpec = new AgentActivationSpec();
        adapter.endpointActivation(endpoints, spec);
        adapter.endpointActivation(otherEndpoints, otherSpec);
        assertThrows(ResourceException.class, () -> adapter.endpointActivation(endpoints, spec));

        try (TestAgent agent = TestAgent.connect(adapter.listeningAddress())) {
            agent.handshake("agent-1");
            agent.send(Batches.small(1));
            assertEquals(new Ack(1), agent.read());
        }
        assertEquals(1, bean.admissions().size() + otherBean.admissions().size());
        assertEquals(1, bean.stored().size() + otherBean.stored().size());
        assertEquals(1, bean.admissions().size() + bean.stored().size(), "one call each");
    }

    @Test
    void an_activation_spec_of_another_adapter_is_refused() {
        ActivationSpec foreign = new ActivationSpec() {
            @Override
            public void validate() {
            }

            @Override
            public ResourceAdapter getResourceAdapter() {
                return null;
            }

            @Override
            public void setResourceAdapter(ResourceAdapter ra) {
            }
        };
        assertThrows(NotSupportedException.class, () -> adapter.endpointActivation(endpoints, foreign));
    }

    @Test
    void stop_closes_agent_connections_and_frees_the_port_while_a_taken_port_fails_start() throws Exception {
        int port = adapter.listeningAddress().getPort();
        AgentResourceAdapter rival = loopbackAdapter();
        rival.setPort(port);
        ResourceAdapterInternalException taken = assertThrows(ResourceAdapterInternalException.class,
                () -> rival.start(new FakeBootstrapContext(workManager)));
        assertTrue(taken.getMessage().contains(String.valueOf(port)), taken.getMessage());

        adapter.endpointActivation(endpoints, spec);
        try (TestAgent agent = TestAgent.connect(adapter.listeningAddress())) {
            agent.handshake("agent-1");
            adapter.stop();
            agent.assertClosedByServer();
        }
        rival.start(new FakeBootstrapContext(workManager));
        try {
            assertEquals(port, rival.listeningAddress().getPort());
        } finally {
            rival.stop();
        }
    }

    private static AgentResourceAdapter loopbackAdapter() {
        AgentResourceAdapter adapter = new AgentResourceAdapter();
        adapter.setBindAddress("127.0.0.1");
        adapter.setPort(0);
        // a hello nobody can take waits this long for an endpoint before the agent is turned away
        adapter.setHandshakeTimeoutSeconds(2);
        // never the real 2003: tests run in parallel
        adapter.setGraphiteBindAddress("127.0.0.1");
        adapter.setGraphitePort(0);
        return adapter;
    }
}

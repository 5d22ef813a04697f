package io.vantage.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vantage.connector.api.GraphiteListener;
import io.vantage.connector.testing.Await;
import io.vantage.connector.testing.Batches;
import io.vantage.connector.testing.GraphiteSender;
import io.vantage.connector.testing.RecordingGraphiteListener;
import io.vantage.connector.testing.RecordingListener;
import io.vantage.connector.testing.TestAgent;
import io.vantage.protocol.Ack;
import jakarta.resource.spi.ResourceAdapterInternalException;

/** The Graphite half of the JCA glue: its own endpoints, its own port, and its place in start and stop. */
class AgentResourceAdapterGraphiteTest {

    private final FakeWorkManager workManager = new FakeWorkManager();
    private final RecordingListener agentBean = new RecordingListener();
    private final RecordingGraphiteListener graphiteBean = new RecordingGraphiteListener();
    private final FakeEndpointFactory agentEndpoints = new FakeEndpointFactory(agentBean);
    private final FakeEndpointFactory graphiteEndpoints = new FakeEndpointFactory(graphiteBean,
            GraphiteListener.class);
    private final AgentResourceAdapter adapter = loopbackAdapter();

    @AfterEach
    void stop() {
        adapter.stop();
        workManager.shutdown();
    }

    @Test
    void graphite_endpoints_get_graphite_batches_and_agent_endpoints_get_agent_batches() throws Exception {
        start();
        GraphiteActivationSpec graphiteSpec = new GraphiteActivationSpec();
        graphiteSpec.setResourceAdapter(adapter);
        AgentActivationSpec agentSpec = new AgentActivationSpec();
        agentSpec.setResourceAdapter(adapter);
        adapter.endpointActivation(graphiteEndpoints, graphiteSpec);
        adapter.endpointActivation(agentEndpoints, agentSpec);

        try (GraphiteSender sender = GraphiteSender.connect(adapter.graphiteListeningAddress());
             TestAgent agent = TestAgent.connect(adapter.listeningAddress())) {
            sender.send("collectd.web1.load 0.5 1700000000\n");
            sender.finish();
            agent.handshake("agent-1");
            agent.send(Batches.small(1));
            assertEquals(new Ack(1), agent.read());
            sender.assertClosedByServer();
        }
        Await.until("the Graphite batch", () -> graphiteBean.linesStored() == 1);
        assertEquals(List.of("collectd.web1.load"), graphiteBean.storedPaths());
        assertEquals(List.of(1L), agentBean.storedSequences());
        assertEquals(List.of("before deliver", "deliver", "after", "release"), graphiteEndpoints.events());
        assertEquals(List.of(FakeWorkManager.THREAD_NAME), graphiteBean.deliveryThreads());
        assertTrue(agentEndpoints.events().containsAll(List.of("admit", "deliver")));

        adapter.endpointDeactivation(graphiteEndpoints, graphiteSpec);
        assertEquals(1, agentBean.storedSequences().size(), "deactivating Graphite leaves the agent endpoint be");
    }

    @Test
    void with_no_graphite_endpoint_active_lines_are_kept_and_delivered_once_one_is() throws Exception {
        start();
        try (GraphiteSender sender = GraphiteSender.connect(adapter.graphiteListeningAddress())) {
            sender.send("early.line 1 1700000000\n");
            Await.until("an offer answered not stored", () -> adapter.graphiteStats().batchesNotStored() >= 1);

            GraphiteActivationSpec spec = new GraphiteActivationSpec();
            spec.setResourceAdapter(adapter);
            adapter.endpointActivation(graphiteEndpoints, spec);
            // the retry delay starts at a second
            Await.until("the kept line", () -> graphiteBean.linesStored() == 1);
        }
        assertEquals(List.of("early.line"), graphiteBean.storedPaths());
    }

    @Test
    void a_taken_graphite_port_fails_start_and_leaves_no_agent_socket_bound() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int agentPort = probe.getLocalPort();
            probe.close();
            adapter.setPort(agentPort);
            adapter.setGraphitePort(taken.getLocalPort());
            ResourceAdapterInternalException failed = assertThrows(ResourceAdapterInternalException.class,
                    () -> adapter.start(new FakeBootstrapContext(workManager)));
            assertTrue(failed.getMessage().contains("Graphite"), failed.getMessage());
            assertNull(adapter.listeningAddress());
            try (ServerSocket rebound = new ServerSocket(agentPort, 50,
                    InetAddress.getLoopbackAddress())) {
                assertEquals(agentPort, rebound.getLocalPort(), "the agent port was freed again");
            }
        }
    }

    @Test
    void graphite_port_minus_one_binds_nothing_while_agents_are_served() throws Exception {
        adapter.setGraphitePort(-1);
        start();
        assertNull(adapter.graphiteListeningAddress());
        assertNull(adapter.graphiteStats());
        assertNotNull(adapter.listeningAddress());

        GraphiteActivationSpec spec = new GraphiteActivationSpec();
        spec.setResourceAdapter(adapter);
        adapter.endpointActivation(graphiteEndpoints, spec);
        adapter.endpointDeactivation(graphiteEndpoints, spec);
    }

    private void start() throws Exception {
        adapter.start(new FakeBootstrapContext(workManager));
    }

    private static AgentResourceAdapter loopbackAdapter() {
        AgentResourceAdapter adapter = new AgentResourceAdapter();
        adapter.setBindAddress("127.0.0.1");
        adapter.setPort(0);
        adapter.setGraphiteBindAddress("127.0.0.1");
        adapter.setGraphitePort(0);
        return adapter;
    }
}

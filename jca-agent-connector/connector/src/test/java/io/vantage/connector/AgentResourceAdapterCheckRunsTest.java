package io.vantage.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vantage.connector.api.AgentBatch;
import io.vantage.connector.api.AgentCheckRun;
import io.vantage.connector.testing.Batches;
import io.vantage.connector.testing.RecordingListener;
import io.vantage.connector.testing.TestAgent;
import io.vantage.protocol.Ack;
import io.vantage.protocol.ErrorCode;

/**
 * A version 2 agent's check runs reach the message-driven bean through the JCA glue inside the batch they came with,
 * and the batch is acknowledged only once the bean returned, so a status text is as durable as the numbers.
 */
class AgentResourceAdapterCheckRunsTest {

    private final RecordingListener bean = new RecordingListener();
    private final FakeWorkManager workManager = new FakeWorkManager();
    private final FakeEndpointFactory endpoints = new FakeEndpointFactory(bean);
    private final AgentResourceAdapter adapter = new AgentResourceAdapter();
    private final AgentActivationSpec spec = new AgentActivationSpec();

    @BeforeEach
    void start() throws Exception {
        adapter.setBindAddress("127.0.0.1");
        adapter.setPort(0);
        adapter.setGraphiteBindAddress("127.0.0.1");
        adapter.setGraphitePort(0); // never the real 2003: tests run in parallel
        adapter.start(new FakeBootstrapContext(workManager));
        spec.setResourceAdapter(adapter);
        adapter.endpointActivation(endpoints, spec);
    }

    @AfterEach
    void stop() {
        adapter.stop();
        workManager.shutdown();
    }

    @Test
    void a_check_run_reaches_the_endpoint_with_its_batch_and_status_text_then_the_batch_is_acknowledged()
            throws Exception {
        try (TestAgent agent = TestAgent.connect(adapter.listeningAddress())) {
            agent.handshake("agent-1");
            agent.send(Batches.withDiskCheck(1, 1, "DISK WARNING - free space: / 3326 MB (5%)"));
            assertEquals(new Ack(1), agent.read());
        }

        AgentBatch stored = bean.stored().get(0);
        assertEquals(List.of("check.disk.status", "cpu.user"), List.of(stored.metrics()));
        assertEquals(List.of(new AgentCheckRun("disk", 1, "DISK WARNING - free space: / 3326 MB (5%)",
                1_700_000_000_001L, 42)), stored.checks());
        assertEquals(List.of("before admit", "admit", "after", "release", "before deliver", "deliver", "after",
                "release"), endpoints.events());
    }

    @Test
    void a_replayed_batch_with_a_check_run_is_delivered_again_for_the_application_to_store_once() throws Exception {
        bean.failOnceWithNotStored(1);
        try (TestAgent agent = TestAgent.connect(adapter.listeningAddress())) {
            agent.handshake("agent-1");
            agent.send(Batches.withDiskCheck(1, 2, "DISK CRITICAL"));
            agent.readError(ErrorCode.BATCH_NOT_STORED);
            agent.send(Batches.withDiskCheck(1, 2, "DISK CRITICAL"));
            assertEquals(new Ack(1), agent.read());
        }

        assertEquals(1, bean.stored().size());
        assertEquals("DISK CRITICAL", bean.stored().get(0).checks().get(0).text());
    }
}

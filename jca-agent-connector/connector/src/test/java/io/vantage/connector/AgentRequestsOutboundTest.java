package io.vantage.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vantage.agent.Agent;
import io.vantage.agent.collect.CollectorSet;
import io.vantage.agent.config.AgentConfig;
import io.vantage.agent.config.ServerAddress;
import io.vantage.agent.transport.TransportSettings;
import io.vantage.connector.api.AgentRequestException;
import io.vantage.connector.api.AgentRequestException.Reason;
import io.vantage.connector.api.AgentRequests;
import io.vantage.connector.api.ProcessList;
import io.vantage.connector.api.ProcessQuery;
import io.vantage.connector.api.ProcessQuery.ProcessSort;
import io.vantage.connector.outbound.AgentRequestsManagedConnectionFactory;
import io.vantage.connector.testing.Await;
import io.vantage.connector.testing.RecordingListener;
import io.vantage.connector.testing.TestAgent;
import io.vantage.protocol.ProcessEntry;
import io.vantage.protocol.ProcessTable;
import io.vantage.protocol.Request;
import io.vantage.protocol.RequestKinds;
import io.vantage.protocol.Response;
import io.vantage.protocol.ResponseStatus;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ResourceAdapter;

/**
 * The outbound side as the application sees it: the connection factory of the adapter's connection definition, made
 * from its ManagedConnectionFactory, asks connected agents through the very adapter that owns their sockets.
 */
class AgentRequestsOutboundTest {

    private static final Duration PATIENT = Duration.ofSeconds(5);

    private final RecordingListener bean = new RecordingListener();
    private final FakeWorkManager workManager = new FakeWorkManager();
    private final AgentResourceAdapter adapter = new AgentResourceAdapter();
    private final AgentRequestsManagedConnectionFactory connectionDefinition = new AgentRequestsManagedConnectionFactory();
    private AgentRequests requests;

    @BeforeEach
    void start() throws Exception {
        adapter.setBindAddress("127.0.0.1");
        adapter.setPort(0);
        adapter.setGraphitePort(-1);
        adapter.setMaxFrameBytes(64 * 1024);
        adapter.start(new FakeBootstrapContext(workManager));
        AgentActivationSpec spec = new AgentActivationSpec();
        spec.setResourceAdapter(adapter);
        adapter.endpointActivation(new FakeEndpointFactory(bean), spec);
        connectionDefinition.setResourceAdapter(adapter);
        requests = (AgentRequests) connectionDefinition.createConnectionFactory();
    }

    @AfterEach
    void stop() {
        adapter.stop();
        workManager.shutdown();
    }

    @Test
    void a_process_query_reaches_the_agent_as_a_request_and_its_table_comes_back_as_a_process_list() throws Exception {
        try (TestAgent agent = TestAgent.connect(adapter.listeningAddress())) {
            agent.handshake("agent-1");
            CompletionStage<ProcessList> answer = requests.processes("agent-1", new ProcessQuery(20, ProcessSort.MEMORY),
                    PATIENT);

            Request request = agent.read(Request.class);
            assertEquals(RequestKinds.processes(1, 20, true), request);
            agent.send(Response.ok(request, new ProcessTable(1_767_225_600_000L, 2_000, 180,
                    List.of(new ProcessEntry(4242, "www-data", 37.5, 130_023_424L, "nginx: worker process")))));

            ProcessList list = answer.toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertEquals(new ProcessList("agent-1", 1_767_225_600_000L, 2_000, 180, List.of(
                    new ProcessList.ProcessInfo(4242, "www-data", 37.5, 130_023_424L, "nginx: worker process"))), list);
        }
    }

    @Test
    void the_limit_asked_of_the_agent_is_lowered_to_what_the_frame_limit_holds() throws Exception {
        try (TestAgent agent = TestAgent.connect(adapter.listeningAddress())) {
            agent.handshake("agent-1");
            requests.processes("agent-1", new ProcessQuery(ProcessQuery.MAX_LIMIT, ProcessSort.CPU), PATIENT);

            Request request = agent.read(Request.class);

            assertEquals(Integer.toString(ProcessTable.entriesFitting(64 * 1024)), request.argument("limit", null));
            assertTrue(ProcessTable.entriesFitting(64 * 1024) < ProcessQuery.MAX_LIMIT);
        }
    }

    @Test
    void an_agent_that_cannot_or_will_not_list_fails_the_query_with_its_reason() throws Exception {
        try (TestAgent agent = TestAgent.connect(adapter.listeningAddress())) {
            agent.handshake("agent-1");
            CompletionStage<ProcessList> unsupported = query("agent-1");
            agent.send(Response.failed(agent.read(Request.class), ResponseStatus.UNSUPPORTED, "no /proc"));
            CompletionStage<ProcessList> failed = query("agent-1");
            agent.send(Response.failed(agent.read(Request.class), ResponseStatus.ERROR, "permission denied"));

            AgentRequestException notHere = failure(unsupported);
            assertEquals(Reason.UNSUPPORTED, notHere.reason());
            assertTrue(notHere.getMessage().contains("no /proc"), notHere.getMessage());
            assertEquals(Reason.FAILED, failure(failed).reason());
        }
    }

    @Test
    void without_a_running_adapter_the_factory_answers_unavailable() throws Exception {
        AgentRequests unassociated = (AgentRequests) new AgentRequestsManagedConnectionFactory()
                .createConnectionFactory();
        assertEquals(Reason.UNAVAILABLE, failure(unassociated.processes("agent-1", new ProcessQuery(5, ProcessSort.CPU),
                PATIENT)).reason());

        adapter.stop();
        assertEquals(Reason.UNAVAILABLE, failure(query("agent-1")).reason());
    }

    @Test
    void the_connection_definition_belongs_to_the_agent_connector_only() {
        ResourceAdapter other = assertInstanceOf(ResourceAdapter.class, java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ResourceAdapter.class}, (proxy, method, args) -> null));
        assertThrows(ResourceException.class, () -> new AgentRequestsManagedConnectionFactory().setResourceAdapter(other));
    }

    @Test
    void the_real_agent_lists_its_own_machine_through_the_adapter_including_this_jvm() throws Exception {
        AgentConfig config = new AgentConfig(List.of(new ServerAddress("127.0.0.1",
                adapter.listeningAddress().getPort())), "real-agent", RecordingListener.KEY, "test-host",
                Duration.ofMillis(200), null, 100, 1 << 20, null, null);
        TransportSettings fast = new TransportSettings(Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(100), 32);
        try (Agent agent = Agent.open(config, fast, new CollectorSet(List.of()))) {
            agent.start();
            Await.until("the agent admitted", () -> adapter.agentServer().requests().isConnected("real-agent"));

            ProcessList list = requests.processes("real-agent", new ProcessQuery(ProcessQuery.MAX_LIMIT,
                    ProcessSort.MEMORY), PATIENT).toCompletableFuture().get(10, TimeUnit.SECONDS);

            assertTrue(list.cpuIntervalMillis() >= 500, list.toString());
            assertTrue(list.totalProcesses() >= 1);
            long self = ProcessHandle.current().pid();
            if (list.totalProcesses() <= list.processes().size()) {
                ProcessList.ProcessInfo me = list.processes().stream().filter(p -> p.pid() == self).findFirst()
                        .orElseThrow(() -> new AssertionError("this JVM (" + self + ") is not in " + list));
                assertTrue(me.residentBytes() > 1 << 20 && me.cpuPercent() >= 0, me.toString());
            }
        }
    }

    private CompletionStage<ProcessList> query(String agentId) {
        return requests.processes(agentId, new ProcessQuery(5, ProcessSort.CPU), PATIENT);
    }

    private static AgentRequestException failure(CompletionStage<ProcessList> answer) {
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> answer.toCompletableFuture().get(5, TimeUnit.SECONDS));
        return assertInstanceOf(AgentRequestException.class, failed.getCause());
    }
}

package io.vantage.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.agent.FakeServer.Connection;
import io.vantage.agent.transport.RequestHandler;
import io.vantage.protocol.ProcessEntry;
import io.vantage.protocol.ProcessTable;
import io.vantage.protocol.ProtocolVersions;
import io.vantage.protocol.Request;
import io.vantage.protocol.RequestKinds;
import io.vantage.protocol.Response;
import io.vantage.protocol.ResponseStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Protocol version 2 from the agent's side: requests are answered on the same connection while batches flow. */
class AgentRequestsTest {

    @Test
    void a_request_is_answered_with_its_id_on_the_same_connection_while_batches_keep_being_acknowledged()
            throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RequestHandler slow = (request, reply) -> new Thread(() -> {
            awaitQuietly(release);
            reply.accept(Response.ok(request, table()));
        }).start();
        try (FakeServer server = v2Server(); Agent agent = start(server, slow)) {
            Connection connection = welcomed(server);
            connection.request(RequestKinds.processes(1, 5, false));
            int before = connection.batches.size();

            Eventually.await("batches acknowledged while the request is worked on",
                    () -> server.connection(1).batches.size() >= before + 3);
            release.countDown();
            Eventually.await("the response", () -> !connection.responses.isEmpty());

            Response response = connection.responses.get(0);
            assertEquals(1, response.requestId());
            assertEquals(ResponseStatus.OK, response.status());
            assertEquals(table(), response.body());
            assertEquals(1, server.connections().size(), "the connection stayed up");
        }
    }

    @Test
    void the_real_desk_answers_an_unknown_kind_as_unsupported_and_lists_processes_from_proc() throws Exception {
        try (FakeServer server = v2Server(); Agent agent = TestAgents.start(server)) {
            Connection connection = welcomed(server);
            connection.request(new Request(7, "sockets", Map.of()));
            connection.request(RequestKinds.processes(8, ProcessTable.MAX_ENTRIES, true));

            Eventually.await("two responses", () -> connection.responses.size() >= 2);

            Response unsupported = byId(connection, 7);
            assertEquals(ResponseStatus.UNSUPPORTED, unsupported.status());
            assertTrue(unsupported.message().contains("sockets"), unsupported.message());
            Response processes = byId(connection, 8);
            assertEquals(ResponseStatus.OK, processes.status(), processes.message());
            ProcessTable table = (ProcessTable) processes.body();
            assertTrue(table.cpuIntervalMillis() >= 500, table.toString());
            long self = ProcessHandle.current().pid();
            if (table.totalProcesses() <= ProcessTable.MAX_ENTRIES) {
                ProcessEntry test = table.entries().stream().filter(e -> e.pid() == self).findFirst().orElseThrow();
                assertTrue(test.residentBytes() > 1024 * 1024, "this JVM is resident: " + test);
                assertTrue(test.command().contains("java") || test.command().contains("surefire"), test.command());
            }
        }
    }

    @Test
    void an_agent_speaking_version_2_works_against_a_version_1_server() throws Exception {
        try (FakeServer server = new FakeServer(); Agent agent = TestAgents.start(server)) {
            Eventually.await("batches acknowledged", () -> server.acknowledged().size() >= 3);

            assertEquals(ProtocolVersions.V2, server.connection(1).hello.maxVersion());
            assertEquals(ProtocolVersions.V1, server.connection(1).welcome.version());
        }
    }

    @Test
    void a_request_on_a_version_1_connection_is_a_protocol_error_and_the_agent_reconnects() throws Exception {
        try (FakeServer server = new FakeServer(); Agent agent = TestAgents.start(server)) {
            Connection first = welcomed(server);
            first.request(RequestKinds.processes(1, 5, false));

            Eventually.await("a second connection", () -> server.connections().size() >= 2);
            assertTrue(first.closed.await(5, TimeUnit.SECONDS));
            assertTrue(first.responses.isEmpty());
        }
    }

    @Test
    void an_answer_for_a_connection_that_ended_is_not_sent_on_the_next_one() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RequestHandler late = (request, reply) -> new Thread(() -> {
            awaitQuietly(release);
            reply.accept(Response.ok(request, table()));
        }).start();
        try (FakeServer server = v2Server(); Agent agent = start(server, late)) {
            Connection first = welcomed(server);
            first.request(RequestKinds.processes(1, 5, false));
            Eventually.await("the agent has read the request", () -> first.batches.size() >= 2);
            server.dropConnections();
            Eventually.await("a second connection", () -> server.connections().size() >= 2
                    && server.connection(2).batches.size() >= 2);

            release.countDown();
            Eventually.await("batches on the new connection", () -> server.connection(2).batches.size() >= 5);
            assertTrue(server.connection(2).responses.isEmpty(), "request ids belong to their connection");
        }
    }

    private static FakeServer v2Server() throws Exception {
        FakeServer server = new FakeServer();
        server.welcomeVersion(ProtocolVersions.V2);
        return server;
    }

    private static Agent start(FakeServer server, RequestHandler requests) throws Exception {
        Agent agent = Agent.open(TestAgents.config(List.of(server.address()), TestAgents.FAST_TICKS, null),
                TestAgents.fastSettings(), TestAgents.counting(), requests);
        agent.start();
        return agent;
    }

    private static Connection welcomed(FakeServer server) {
        Eventually.await("a welcomed connection", () -> !server.connections().isEmpty()
                && server.connection(1).welcome != null && !server.connection(1).batches.isEmpty());
        return server.connection(1);
    }

    private static Response byId(Connection connection, long id) {
        return connection.responses.stream().filter(r -> r.requestId() == id).findFirst().orElseThrow();
    }

    private static ProcessTable table() {
        return new ProcessTable(1_767_225_600_000L, 500, 2, List.of(new ProcessEntry(42, "root", 12.5, 4096, "init")));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.vantage.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vantage.connector.api.AgentRequestException;
import io.vantage.connector.api.AgentRequestException.Reason;
import io.vantage.connector.testing.Batches;
import io.vantage.connector.testing.RecordingListener;
import io.vantage.connector.testing.RunningServer;
import io.vantage.connector.testing.TestAgent;
import io.vantage.connector.testing.TestSettings;
import io.vantage.protocol.Ack;
import io.vantage.protocol.ErrorCode;
import io.vantage.protocol.ProcessEntry;
import io.vantage.protocol.ProcessTable;
import io.vantage.protocol.ProtocolVersions;
import io.vantage.protocol.Request;
import io.vantage.protocol.RequestKinds;
import io.vantage.protocol.Response;
import io.vantage.protocol.ResponseStatus;

/** Protocol version 2 from the server's side: the application's requests reach the agent and its answers come back. */
class AgentServerRequestTest {

    private static final Duration PATIENT = Duration.ofSeconds(5);

    private final RecordingListener listener = new RecordingListener();
    private RunningServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_request_reaches_a_version_2_agent_and_its_response_completes_the_answer_while_batches_flow()
            throws Exception {
        server = new RunningServer(TestSettings.loopback().build(), listener);
        try (TestAgent agent = server.connect()) {
            assertEquals(ProtocolVersions.V2, agent.handshake("agent-1").version());
            CompletableFuture<Response> answer = processes("agent-1", 5, PATIENT);

            Request request = agent.read(Request.class);
            assertEquals(RequestKinds.processes(1, 5, false), request);
            agent.send(Batches.small(1));
            assertEquals(new Ack(1), agent.read(), "batches are acknowledged while a request is open");
            Response response = Response.ok(request, table(3));
            agent.send(response);

            assertEquals(response, answer.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void request_ids_count_up_per_connection_and_answers_may_come_in_any_order() throws Exception {
        server = new RunningServer(TestSettings.loopback().build(), listener);
        try (TestAgent agent = server.connect()) {
            agent.handshake("agent-1");
            CompletableFuture<Response> first = processes("agent-1", 5, PATIENT);
            CompletableFuture<Response> second = processes("agent-1", 7, PATIENT);
            Request one = agent.read(Request.class);
            Request two = agent.read(Request.class);
            assertEquals(List.of(1L, 2L), List.of(one.requestId(), two.requestId()));

            agent.send(Response.failed(two, ResponseStatus.ERROR, "cannot read /proc"));
            agent.send(Response.ok(one, table(1)));

            assertEquals(ResponseStatus.OK, first.get(5, TimeUnit.SECONDS).status());
            assertEquals("cannot read /proc", second.get(5, TimeUnit.SECONDS).message());
        }
    }

    @Test
    void a_version_1_agent_is_never_sent_a_request_and_the_caller_is_told_to_upgrade_it() throws Exception {
        server = new RunningServer(TestSettings.loopback().build(), listener);
        try (TestAgent agent = server.connect()) {
            assertEquals(ProtocolVersions.V1, agent.handshakeAsVersion1("old").version());

            AgentRequestException refused = failure(processes("old", 5, PATIENT));

            assertEquals(Reason.PROTOCOL_TOO_OLD, refused.reason());
            assertTrue(refused.getMessage().contains("version 1") && refused.getMessage().contains("upgrade"),
                    refused.getMessage());
            agent.send(Batches.small(1));
            assertEquals(new Ack(1), agent.read(), "nothing but the ACK was sent: no request");
        }
    }

    @Test
    void an_agent_not_connected_here_is_not_connected() throws Exception {
        server = new RunningServer(TestSettings.loopback().build(), listener);

        assertEquals(Reason.NOT_CONNECTED, failure(processes("elsewhere", 5, PATIENT)).reason());
        assertEquals(Reason.NOT_CONNECTED, failure(processes(null, 5, PATIENT)).reason());
    }

    @Test
    void a_timeout_that_is_not_positive_is_refused() throws Exception {
        server = new RunningServer(TestSettings.loopback().build(), listener);

        assertThrows(IllegalArgumentException.class, () -> processes("agent-1", 5, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> processes("agent-1", 5, Duration.ofSeconds(-1)));
    }

    @Test
    void an_agent_that_does_not_answer_in_time_times_out_and_its_late_answer_is_ignored() throws Exception {
        server = new RunningServer(TestSettings.loopback().build(), listener);
        try (TestAgent agent = server.connect()) {
            agent.handshake("slow");
            long started = System.nanoTime();
            CompletableFuture<Response> answer = processes("slow", 5, Duration.ofMillis(300));
            Request request = agent.read(Request.class);

            assertEquals(Reason.TIMED_OUT, failure(answer).reason());
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(tookMillis >= 290 && tookMillis < 3_000, "timed out after " + tookMillis + " ms");

            agent.send(Response.ok(request, table(1)));
            agent.send(Batches.small(1));
            assertEquals(new Ack(1), agent.read(), "the late answer did not cost the connection");
        }
    }

    @Test
    void a_response_to_a_request_never_sent_is_unexpected_and_closes_the_connection() throws Exception {
        server = new RunningServer(TestSettings.loopback().build(), listener);
        try (TestAgent agent = server.connect()) {
            agent.handshake("liar");
            agent.send(new Response(99, ResponseStatus.OK, "processes", "", table(1)));

            assertTrue(agent.readError(ErrorCode.UNEXPECTED_FRAME).message().contains("99"));
            agent.assertClosedByServer();
        }
    }

    @Test
    void a_response_over_the_frame_limit_closes_the_connection_and_fails_the_request_as_lost() throws Exception {
        server = new RunningServer(TestSettings.loopback().maxFrameBytes(4096).build(), listener);
        try (TestAgent agent = server.connect()) {
            agent.handshake("chatty");
            assertEquals(ProcessTable.entriesFitting(4096), server.server().maxProcessEntries());
            CompletableFuture<Response> answer = processes("chatty", 20, PATIENT);
            Request request = agent.read(Request.class);

            agent.send(Response.ok(request, table(20, "x".repeat(ProcessEntry.MAX_COMMAND_BYTES))));

            agent.readError(ErrorCode.FRAME_TOO_LARGE);
            agent.assertClosedByServer();
            assertEquals(Reason.CONNECTION_LOST, failure(answer).reason());
            assertEquals(Reason.NOT_CONNECTED, failure(processes("chatty", 1, PATIENT)).reason());
        }
    }

    @Test
    void a_table_longer_than_the_limit_asked_fails_that_request_and_the_connection_stays() throws Exception {
        server = new RunningServer(TestSettings.loopback().build(), listener);
        try (TestAgent agent = server.connect()) {
            agent.handshake("generous");
            CompletableFuture<Response> answer = processes("generous", 2, PATIENT);
            agent.send(Response.ok(agent.read(Request.class), table(3)));

            AgentRequestException failed = failure(answer);
            assertEquals(Reason.FAILED, failed.reason());
            assertTrue(failed.getMessage().contains("listed 3"), failed.getMessage());
            agent.send(Batches.small(1));
            assertEquals(new Ack(1), agent.read());
        }
    }

    @Test
    void requests_waiting_when_the_connection_closes_fail_as_lost_at_once() throws Exception {
        server = new RunningServer(TestSettings.loopback().build(), listener);
        CompletableFuture<Response> answer;
        try (TestAgent agent = server.connect()) {
            agent.handshake("leaving");
            answer = processes("leaving", 5, Duration.ofMinutes(1));
            agent.read(Request.class);
        }
        assertEquals(Reason.CONNECTION_LOST, failure(answer).reason());
    }

    @Test
    void a_connection_carries_at_most_eight_requests_and_refuses_more_without_sending_them() throws Exception {
        server = new RunningServer(TestSettings.loopback().build(), listener);
        try (TestAgent agent = server.connect()) {
            agent.handshake("popular");
            List<CompletableFuture<Response>> answers = new ArrayList<>();
            for (int i = 0; i < PendingRequests.MAX_OUTSTANDING; i++) {
                answers.add(processes("popular", 5, PATIENT));
            }

            assertEquals(Reason.BUSY, failure(processes("popular", 5, PATIENT)).reason());
            for (int i = 0; i < PendingRequests.MAX_OUTSTANDING; i++) {
                agent.send(Response.ok(agent.read(Request.class), table(1)));
            }
            for (CompletableFuture<Response> answer : answers) {
                assertEquals(ResponseStatus.OK, answer.get(5, TimeUnit.SECONDS).status());
            }
            assertEquals(ResponseStatus.OK, answerNext(agent, processes("popular", 5, PATIENT)).status(),
                    "room again once answered");
        }
    }

    @Test
    void the_newest_connection_of_an_agent_gets_its_requests() throws Exception {
        server = new RunningServer(TestSettings.loopback().build(), listener);
        try (TestAgent old = server.connect(); TestAgent fresh = server.connect()) {
            old.handshake("twice");
            fresh.handshake("twice");

            assertEquals(ResponseStatus.OK, answerNext(fresh, processes("twice", 5, PATIENT)).status());
            old.send(Batches.small(1));
            assertEquals(new Ack(1), old.read(), "the old connection got no request, only its ACK");
        }
    }

    @Test
    void a_request_from_an_agent_or_a_response_on_a_version_1_connection_is_unexpected() throws Exception {
        server = new RunningServer(TestSettings.loopback().build(), listener);
        try (TestAgent agent = server.connect()) {
            agent.handshake("confused");
            agent.send(new Request(1, "processes", Map.of()));
            agent.readError(ErrorCode.UNEXPECTED_FRAME);
        }
        try (TestAgent agent = server.connect()) {
            agent.handshakeAsVersion1("old");
            agent.send(new Response(1, ResponseStatus.ERROR, "processes", "nothing", null));
            agent.readError(ErrorCode.UNEXPECTED_FRAME);
        }
    }

    private Response answerNext(TestAgent agent, CompletableFuture<Response> answer) throws Exception {
        agent.send(Response.ok(agent.read(Request.class), table(1)));
        return answer.get(5, TimeUnit.SECONDS);
    }

    private CompletableFuture<Response> processes(String agentId, int limit, Duration timeout) {
        return server.server().requests().send(agentId, id -> RequestKinds.processes(id, limit, false), timeout);
    }

    private static AgentRequestException failure(CompletableFuture<Response> answer) throws Exception {
        ExecutionException failed = assertThrows(ExecutionException.class, () -> answer.get(5, TimeUnit.SECONDS));
        return assertInstanceOf(AgentRequestException.class, failed.getCause());
    }

    private static ProcessTable table(int entries) {
        return table(entries, "cmd");
    }

    private static ProcessTable table(int entries, String command) {
        List<ProcessEntry> list = new ArrayList<>();
        for (int i = 1; i <= entries; i++) {
            list.add(new ProcessEntry(i, "root", 1.5, 4096L * i, command));
        }
        return new ProcessTable(1_767_225_600_000L, 500, entries, list);
    }
}

package io.vantage.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.AgentUnavailableException;
import io.vantage.connector.api.AgentRequestException;
import io.vantage.connector.api.AgentRequestException.Reason;
import io.vantage.connector.api.AgentRequests;
import io.vantage.connector.api.ProcessList;
import io.vantage.connector.api.ProcessQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ProcessListingRequestTest {

    private static final ProcessQuery TOP_5 = new ProcessQuery(5, ProcessQuery.ProcessSort.CPU);

    private final Map<String, Object> local = new HashMap<>();
    private final List<String> asked = new ArrayList<>();
    private final AgentRequests requests = (agentId, query, timeout) -> {
        asked.add(agentId);
        Object answer = local.getOrDefault(agentId, new AgentRequestException(Reason.NOT_CONNECTED, "not here"));
        return answer instanceof ProcessList list ? CompletableFuture.completedFuture(list)
                : CompletableFuture.failedFuture((Throwable) answer);
    };

    @Test
    void the_connected_agents_answer_becomes_the_nodes_listing() {
        local.put("agent-2", list("agent-2"));

        ProcessListing listing = request(noOthers()).ask(7, "web-01", List.of("agent-1", "agent-2"), TOP_5,
                ProcessOrder.CPU);

        assertEquals(List.of("agent-1", "agent-2"), asked, "agents not connected here are passed over");
        assertEquals(new ProcessListing(7, "web-01", "agent-2", Instant.ofEpochMilli(1_767_225_600_000L), 2_000, 99,
                ProcessOrder.CPU, List.of(new ProcessListing.Process(42, "root", 12.5, 4096, "init"))), listing);
    }

    @Test
    void a_node_without_a_connected_agent_here_or_elsewhere_says_so_by_name() {
        AgentUnavailableException none = assertThrows(AgentUnavailableException.class,
                () -> request(noOthers()).ask(7, "web-01", List.of("agent-1"), TOP_5, ProcessOrder.CPU));
        assertEquals(AgentUnavailableException.Reason.NOT_CONNECTED, none.reason());
        assertEquals("no agent connected to node web-01 (7)", none.getMessage());

        AgentUnavailableException noAgents = assertThrows(AgentUnavailableException.class,
                () -> request(noOthers()).ask(8, "db-01", List.of(), TOP_5, ProcessOrder.CPU));
        assertEquals(AgentUnavailableException.Reason.NOT_CONNECTED, noAgents.reason());
    }

    @Test
    void an_agent_connected_to_another_instance_is_asked_there() {
        OtherInstances elsewhere = (agentId, query, timeout) -> Optional.of(list(agentId));

        ProcessListing listing = request(elsewhere).ask(7, "web-01", List.of("agent-1"), TOP_5, ProcessOrder.MEMORY);

        assertEquals("agent-1", listing.agentId());
        assertEquals(ProcessOrder.MEMORY, listing.order());
    }

    @Test
    void an_agent_speaking_protocol_1_is_outdated_and_the_message_says_to_upgrade_it() {
        local.put("old", new AgentRequestException(Reason.PROTOCOL_TOO_OLD,
                "agent old speaks protocol version 1, which carries no requests; upgrade the agent"));

        AgentUnavailableException outdated = assertThrows(AgentUnavailableException.class,
                () -> request(noOthers()).ask(7, "web-01", List.of("old"), TOP_5, ProcessOrder.CPU));

        assertEquals(AgentUnavailableException.Reason.OUTDATED, outdated.reason());
        assertTrue(outdated.getMessage().contains("web-01") && outdated.getMessage().contains("upgrade"),
                outdated.getMessage());
    }

    @Test
    void timeouts_busy_agents_and_failures_keep_their_reason_and_name_the_node() {
        Map<Reason, AgentUnavailableException.Reason> expected = Map.of(
                Reason.TIMED_OUT, AgentUnavailableException.Reason.TIMED_OUT,
                Reason.BUSY, AgentUnavailableException.Reason.BUSY,
                Reason.FAILED, AgentUnavailableException.Reason.FAILED,
                Reason.UNSUPPORTED, AgentUnavailableException.Reason.FAILED,
                Reason.CONNECTION_LOST, AgentUnavailableException.Reason.FAILED);
        expected.forEach((agentReason, serviceReason) -> {
            local.put("agent-1", new AgentRequestException(agentReason, "because"));
            AgentUnavailableException e = assertThrows(AgentUnavailableException.class,
                    () -> request(noOthers()).ask(7, "web-01", List.of("agent-1"), TOP_5, ProcessOrder.CPU));
            assertEquals(serviceReason, e.reason(), agentReason.name());
            assertTrue(e.getMessage().contains("web-01"), e.getMessage());
        });
    }

    @Test
    void an_answer_that_never_comes_ends_after_the_timeout_and_its_grace() {
        AgentRequests silent = (agentId, query, timeout) -> new CompletableFuture<>();
        ProcessListingRequest request = new ProcessListingRequest(silent, noOthers(), Duration.ofMillis(10));

        AgentUnavailableException e = assertThrows(AgentUnavailableException.class,
                () -> request.ask(7, "web-01", List.of("agent-1"), TOP_5, ProcessOrder.CPU));

        assertEquals(AgentUnavailableException.Reason.TIMED_OUT, e.reason());
    }

    private ProcessListingRequest request(OtherInstances others) {
        return new ProcessListingRequest(requests, others, Duration.ofSeconds(5));
    }

    private static OtherInstances noOthers() {
        return new SingleInstance();
    }

    private static ProcessList list(String agentId) {
        return new ProcessList(agentId, 1_767_225_600_000L, 2_000, 99,
                List.of(new ProcessList.ProcessInfo(42, "root", 12.5, 4096, "init")));
    }
}

package io.vantage.agent;

import static io.vantage.agent.TestAgents.consecutive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.agent.FakeServer.Answer;
import io.vantage.agent.FakeServer.Connection;
import io.vantage.protocol.Hello;
import io.vantage.protocol.ProtocolVersions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AgentDeliveryTest {

    @Test
    void the_handshake_offers_the_supported_protocol_versions_and_the_agents_identity() throws Exception {
        try (FakeServer server = new FakeServer(); Agent agent = TestAgents.start(server)) {
            Eventually.await("the agent says hello", () -> !server.connections().isEmpty()
                    && server.connection(1).hello != null);

            Hello hello = server.connection(1).hello;
            assertEquals(ProtocolVersions.MIN_SUPPORTED, hello.minVersion());
            assertEquals(ProtocolVersions.MAX_SUPPORTED, hello.maxVersion());
            assertEquals("agent-1", hello.agentId());
            assertEquals("key-1", hello.agentKey());
            assertEquals("test-host", hello.hostname());
            assertFalse(hello.agentVersion().isBlank());
        }
    }

    @Test
    void every_tick_sends_one_batch_with_the_next_sequence_and_acknowledged_batches_are_forgotten() throws Exception {
        try (FakeServer server = new FakeServer(); Agent agent = TestAgents.start(server)) {
            Eventually.await("five batches acknowledged", () -> server.acknowledged().size() >= 5);

            assertTrue(consecutive(server.connection(1).batchesSnapshot()));
            Eventually.await("nothing left unacknowledged", () -> agent.unacknowledged() == 0);
        }
    }

    @Test
    void unacknowledged_batches_are_resent_in_order_after_a_reconnect() throws Exception {
        try (FakeServer server = new FakeServer()) {
            server.answer((connection, batch) -> connection == 1 ? Answer.NOTHING : Answer.ACK);
            try (Agent agent = TestAgents.start(server)) {
                Eventually.await("three unanswered batches", () -> !server.connections().isEmpty()
                        && server.connection(1).batches.size() >= 3);

                server.dropConnections();
                List<Long> unanswered = closedConnectionBatches(server);

                Eventually.await("a reconnect that resends them", () -> server.connections().size() >= 2
                        && server.connection(2).batches.size() >= unanswered.size() + 2);
                List<Long> resent = server.connection(2).batchesSnapshot();
                assertEquals(unanswered, resent.subList(0, unanswered.size()), "the old batches first, in order");
                assertTrue(consecutive(resent), "then the new ones, none missing: " + resent);
                Eventually.await("everything acknowledged", () -> agent.unacknowledged() == 0);
            }
        }
    }

    @Test
    void batches_the_server_already_stored_are_not_resent_after_a_reconnect() throws Exception {
        try (FakeServer server = new FakeServer()) {
            server.answer((connection, batch) -> connection == 1 ? Answer.NOTHING : Answer.ACK);
            try (Agent agent = TestAgents.start(server)) {
                Eventually.await("four unanswered batches", () -> !server.connections().isEmpty()
                        && server.connection(1).batches.size() >= 4);
                List<Long> sentFirst = server.connection(1).batchesSnapshot();
                server.lastStoredSequence(sentFirst.get(1)); // stored, but the acks were lost

                server.dropConnections();
                List<Long> unanswered = closedConnectionBatches(server);

                Eventually.await("a reconnect", () -> server.connections().size() >= 2
                        && server.connection(2).batches.size() >= unanswered.size());
                List<Long> resent = server.connection(2).batchesSnapshot();
                assertEquals(unanswered.subList(2, unanswered.size()), resent.subList(0, unanswered.size() - 2));
                assertTrue(consecutive(resent), resent.toString());
                Eventually.await("everything acknowledged", () -> agent.unacknowledged() == 0);
            }
        }
    }

    @Test
    void a_batch_the_server_could_not_store_is_kept_and_sent_again_before_newer_ones() throws Exception {
        try (FakeServer server = new FakeServer()) {
            AtomicLong failed = new AtomicLong();
            server.answer((connection, batch) -> {
                if (failed.get() == 0 && server.connection(connection).batches.size() >= 2) {
                    failed.set(batch.sequence());
                    return Answer.NOT_STORED;
                }
                return Answer.ACK;
            });
            try (Agent agent = TestAgents.start(server)) {
                Eventually.await("the failed batch acknowledged on a later try",
                        () -> failed.get() != 0 && server.acknowledged().contains(failed.get()));

                List<Long> received = server.connection(1).batchesSnapshot();
                assertEquals(2, Collections.frequency(received, failed.get()), received.toString());
                List<Long> afterRetry = received.subList(received.lastIndexOf(failed.get()) + 1, received.size());
                assertTrue(afterRetry.stream().allMatch(sequence -> sequence > failed.get()), received.toString());
                Eventually.await("everything acknowledged", () -> agent.unacknowledged() == 0);
                List<Long> acknowledged = new ArrayList<>(server.acknowledged());
                Collections.sort(acknowledged);
                assertTrue(consecutive(acknowledged), "no batch lost: " + acknowledged);
            }
        }
    }

    @Test
    void a_batch_the_server_rejected_is_dropped_and_never_sent_again() throws Exception {
        try (FakeServer server = new FakeServer()) {
            AtomicLong rejected = new AtomicLong();
            server.answer((connection, batch) -> {
                if (rejected.get() == 0 && server.connection(connection).batches.size() >= 2) {
                    rejected.set(batch.sequence());
                    return Answer.REJECT;
                }
                return Answer.ACK;
            });
            try (Agent agent = TestAgents.start(server)) {
                Eventually.await("batches after the rejected one acknowledged",
                        () -> rejected.get() != 0 && server.acknowledged().contains(rejected.get() + 2));
                Eventually.await("nothing left unacknowledged", () -> agent.unacknowledged() == 0);

                server.dropConnections();
                Eventually.await("batches on a new connection", () -> server.connections().size() >= 2
                        && server.connection(2).batches.size() >= 2);

                assertEquals(1, Collections.frequency(server.connection(1).batchesSnapshot(), rejected.get()));
                assertFalse(server.connection(2).batches.contains(rejected.get()));
                assertFalse(server.acknowledged().contains(rejected.get()));
            }
        }
    }

    /** What the first connection received, once its handler has seen the connection close. */
    private static List<Long> closedConnectionBatches(FakeServer server) throws InterruptedException {
        Connection first = server.connection(1);
        assertTrue(first.closed.await(Eventually.DEADLINE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
        return first.batchesSnapshot();
    }
}

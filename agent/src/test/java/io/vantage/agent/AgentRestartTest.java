package io.vantage.agent;

import static io.vantage.agent.TestAgents.consecutive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.agent.FakeServer.Answer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentRestartTest {

    @TempDir
    Path spoolDir;

    @Test
    void the_disk_spool_survives_an_agent_restart_and_its_batches_are_sent_first() throws Exception {
        try (FakeServer server = new FakeServer()) {
            server.answer((connection, batch) -> connection == 1 ? Answer.NOTHING : Answer.ACK);
            Agent first = TestAgents.start(List.of(server.address()), TestAgents.FAST_TICKS, spoolDir);
            Eventually.await("three unanswered batches", () -> !server.connections().isEmpty()
                    && server.connection(1).batches.size() >= 3);
            first.close();
            assertTrue(server.connection(1).closed.await(5, TimeUnit.SECONDS));
            List<Long> unanswered = server.connection(1).batchesSnapshot();
            assertTrue(batchFiles() >= unanswered.size(), "one file per unacknowledged batch");

            try (Agent second = TestAgents.start(List.of(server.address()), TestAgents.FAST_TICKS, spoolDir)) {
                Eventually.await("the spooled batches and new ones", () -> server.connections().size() >= 2
                        && server.connection(2).batches.size() >= unanswered.size() + 2);

                List<Long> sent = server.connection(2).batchesSnapshot();
                assertEquals(unanswered, sent.subList(0, unanswered.size()), "spooled batches first, in order");
                assertTrue(consecutive(sent), "new sequences continue where the first agent stopped: " + sent);
                Eventually.await("acknowledged batches leave no file", () -> second.unacknowledged() == 0
                        && batchFiles() <= 1);
            }
        }
    }

    @Test
    void sequences_keep_increasing_across_restarts_even_without_a_spool() throws Exception {
        try (FakeServer server = new FakeServer()) {
            try (Agent first = TestAgents.start(server)) {
                Eventually.await("batches from the first agent", () -> server.acknowledged().size() >= 3);
            }
            long lastOfFirst = server.acknowledged().get(server.acknowledged().size() - 1);
            int before = server.acknowledged().size();

            try (Agent second = TestAgents.start(server)) {
                Eventually.await("a batch from the second agent", () -> server.acknowledged().size() > before);
            }

            assertTrue(server.acknowledged().get(before) > lastOfFirst, server.acknowledged().toString());
        }
    }

    private long batchFiles() {
        try (Stream<Path> files = Files.list(spoolDir)) {
            return files.filter(file -> file.getFileName().toString().startsWith("batch-")).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

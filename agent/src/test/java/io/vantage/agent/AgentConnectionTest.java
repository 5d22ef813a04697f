package io.vantage.agent;

import static io.vantage.agent.TestAgents.consecutive;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.agent.config.ServerAddress;
import io.vantage.protocol.ErrorCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentConnectionTest {

    @Test
    void a_ping_from_the_server_is_answered_with_a_pong() throws Exception {
        try (FakeServer server = new FakeServer(); Agent agent = TestAgents.start(server)) {
            Eventually.await("a connection with a batch", () -> !server.connections().isEmpty()
                    && !server.connection(1).batches.isEmpty());

            server.connection(1).ping(77);

            Eventually.await("the pong", () -> server.connection(1).pongs.contains(77L));
        }
    }

    @Test
    void an_idle_agent_pings_the_server_before_the_heartbeat_runs_out() throws Exception {
        try (FakeServer server = new FakeServer()) {
            server.heartbeatSeconds(1);
            try (Agent agent = TestAgents.start(List.of(server.address()), Duration.ofMinutes(1), null)) {
                Eventually.await("a ping", () -> !server.connections().isEmpty()
                        && !server.connection(1).pings.isEmpty());
            }
        }
    }

    @Test
    void the_agent_fails_over_to_the_next_server_when_the_first_is_down() throws Exception {
        try (FakeServer server = new FakeServer();
             Agent agent = TestAgents.start(List.of(deadAddress(), server.address()), TestAgents.FAST_TICKS, null)) {
            Eventually.await("batches acknowledged by the second server", () -> server.acknowledged().size() >= 2);
        }
    }

    @Test
    void a_refused_agent_keeps_its_batches_and_retries_until_the_server_accepts_it() throws Exception {
        try (FakeServer server = new FakeServer()) {
            server.refuseWith(ErrorCode.AUTHENTICATION_FAILED);
            try (Agent agent = TestAgents.start(server)) {
                Eventually.await("a second attempt after the refusal", () -> server.connections().size() >= 2);
                Eventually.await("batches kept meanwhile", () -> agent.unacknowledged() >= 2);

                server.refuseWith(null);

                Eventually.await("everything delivered once accepted", () -> agent.unacknowledged() == 0
                        && server.acknowledged().size() >= 3, () -> "unacknowledged=" + agent.unacknowledged()
                        + " acknowledged=" + server.acknowledged().size() + " connections="
                        + server.connections().size());
                assertTrue(consecutive(server.acknowledged()), server.acknowledged().toString());
            }
        }
    }

    @Test
    void without_a_server_the_agent_keeps_collecting_and_still_stops_promptly() throws Exception {
        Agent agent = TestAgents.start(List.of(deadAddress()), TestAgents.FAST_TICKS, null);

        Eventually.await("batches kept while no server answers", () -> agent.unacknowledged() >= 3);

        agent.stop();
        assertTrue(agent.awaitStopped(Duration.ofSeconds(5)));
    }

    /** An address where nothing listens: a port the system just handed out and got back. */
    private static ServerAddress deadAddress() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new ServerAddress("127.0.0.1", socket.getLocalPort());
        }
    }

    @Test
    void the_agent_keeps_collecting_while_a_server_is_slow_to_welcome_it() throws Exception {
        try (FakeServer server = new FakeServer()) {
            server.welcomeDelay(Duration.ofMillis(1500));
            try (Agent agent = TestAgents.start(server)) {
                Eventually.await("samples from well after the welcome", () -> server.sampleTimes().size() >= 60);
            }
            List<Long> times = server.sampleTimes();
            for (int i = 1; i < times.size(); i++) {
                long step = times.get(i) - times.get(i - 1);
                assertTrue(step < 500, "no tick is skipped while the handshake waits: " + step + " ms between "
                        + "samples " + (i - 1) + " and " + i);
            }
        }
    }
}

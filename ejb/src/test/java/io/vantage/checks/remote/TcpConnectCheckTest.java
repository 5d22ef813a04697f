package io.vantage.checks.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TcpConnectCheckTest {

    /** Scheduling slack allowed past a check's timeout on a busy machine. */
    static final Duration MARGIN = Duration.ofMillis(700);

    @Test
    void a_listening_port_is_ok_with_its_connect_latency() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CheckOutcome outcome = new TcpConnectCheck("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(2)).run();

            assertEquals(CheckStatus.OK, outcome.status(), outcome.message());
            assertTrue(outcome.message().startsWith("TCP OK - 127.0.0.1:" + server.getLocalPort() + " connected in "),
                    outcome.message());
            assertEquals(1.0, outcome.metrics().get(RemoteCheckMetrics.TCP_UP));
            double latency = outcome.metrics().get(RemoteCheckMetrics.TCP_CONNECT_MS);
            assertTrue(latency >= 0 && latency < 2_000, "latency " + latency);
        }
    }

    @Test
    void a_closed_port_is_critical_without_latency() throws Exception {
        int port;
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
        }
        CheckOutcome outcome = new TcpConnectCheck("127.0.0.1", port, Duration.ofSeconds(2)).run();

        assertEquals(CheckStatus.CRITICAL, outcome.status(), outcome.message());
        assertTrue(outcome.message().startsWith("TCP CRITICAL - 127.0.0.1:" + port + ": "), outcome.message());
        assertEquals(0.0, outcome.metrics().get(RemoteCheckMetrics.TCP_UP));
        assertFalse(outcome.metrics().containsKey(RemoteCheckMetrics.TCP_CONNECT_MS));
    }

    @Test
    void a_connection_that_is_never_answered_is_critical_at_the_timeout() throws Exception {
        // a listener whose accept queue is full drops further SYNs (Linux), so the next connect hangs until timeout
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> queued = fillAcceptQueue(server);
            try {
                Duration timeout = Duration.ofMillis(300);
                CheckOutcome outcome = new TcpConnectCheck("127.0.0.1", server.getLocalPort(), timeout).run();

                assertEquals(CheckStatus.CRITICAL, outcome.status(), outcome.message());
                assertTrue(outcome.message().endsWith("connection timed out after 300 ms"), outcome.message());
                assertTrue(outcome.took().compareTo(timeout.minusMillis(50)) >= 0, "took " + outcome.took());
                assertTrue(outcome.took().compareTo(timeout.plus(MARGIN)) <= 0, "took " + outcome.took());
            } finally {
                for (Socket socket : queued) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void a_non_routable_address_is_critical_within_the_timeout() {
        Duration timeout = Duration.ofMillis(300);
        CheckOutcome outcome = new TcpConnectCheck("10.255.255.1", 80, timeout).run();

        // some sandboxes route every address to a proxy that accepts any connection; nothing can be shown there
        assumeFalse(outcome.status() == CheckStatus.OK, "this network accepts connections to 10.255.255.1: "
                + outcome.message());
        // elsewhere the SYN goes unanswered until the timeout, or the route is refused at once: both are CRITICAL
        assertEquals(CheckStatus.CRITICAL, outcome.status(), outcome.message());
        assertTrue(outcome.took().compareTo(timeout.plus(MARGIN)) <= 0, "took " + outcome.took());
    }

    @Test
    void a_name_that_does_not_resolve_is_critical() {
        CheckOutcome outcome = new TcpConnectCheck("no-such-host.invalid", 80, Duration.ofSeconds(2)).run();

        assertEquals(CheckStatus.CRITICAL, outcome.status(), outcome.message());
        assertTrue(outcome.took().compareTo(Duration.ofSeconds(2).plus(MARGIN)) <= 0, "took " + outcome.took());
    }

    @Test
    void localhost_by_name_connects_too() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            CheckOutcome outcome = new TcpConnectCheck("localhost", server.getLocalPort(), Duration.ofSeconds(2)).run();

            assertEquals(CheckStatus.OK, outcome.status(), outcome.message());
        }
    }

    private static List<Socket> fillAcceptQueue(ServerSocket server) throws Exception {
        List<Socket> queued = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Socket socket = new Socket();
            try {
                socket.connect(server.getLocalSocketAddress(), 200);
                queued.add(socket);
            } catch (SocketTimeoutException e) {
                socket.close();
                return queued;
            }
        }
        throw new IllegalStateException("the accept queue never filled; this system does not drop SYNs");
    }

    @Test
    void the_constructor_refuses_bad_ports_hosts_and_timeouts() {
        InvalidCheckSpecException port = assertThrows(InvalidCheckSpecException.class,
                () -> new TcpConnectCheck("db1", 70_000, Duration.ofSeconds(1)));
        assertEquals("port must be 1-65535, got 70000", port.getMessage());
        assertThrows(InvalidCheckSpecException.class, () -> new TcpConnectCheck("-oProxyCommand", 22,
                Duration.ofSeconds(1)));
        assertThrows(InvalidCheckSpecException.class, () -> new TcpConnectCheck("db1", 22, Duration.ZERO));
        assertThrows(InvalidCheckSpecException.class, () -> new TcpConnectCheck("db1", 22, Duration.ofMinutes(5)));
    }
}

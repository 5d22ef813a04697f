package io.vantage.cassandra.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CqlProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void aServerAnsweringSupportedIsServingCql() throws Exception {
        AtomicReference<byte[]> request = new AtomicReference<>();
        // v4 response header: version 0x84, flags, stream 0, opcode SUPPORTED, body length 2 (an empty string map)
        byte[] supported = {(byte) 0x84, 0, 0, 0, 0x06, 0, 0, 0, 2, 0, 0};
        try (ServerSocket server = loopbackServer()) {
            Thread answering = answerOnce(server, supported, request);

            assertTrue(CqlProbe.isServing("127.0.0.1", server.getLocalPort(), TIMEOUT));
            answering.join(2000);
        }
        assertArrayEquals(new byte[] {4, 0, 0, 0, 5, 0, 0, 0, 0}, request.get(), "an OPTIONS request");
    }

    @Test
    void aServerAnsweringSomethingElseIsNotCql() throws Exception {
        try (ServerSocket server = loopbackServer()) {
            answerOnce(server, "HTTP/1.1 400 Bad\r\n\r\n".getBytes(), new AtomicReference<>());

            assertFalse(CqlProbe.isServing("127.0.0.1", server.getLocalPort(), TIMEOUT));
        }
    }

    @Test
    void aClosedPortIsNotServingAndIsFree() throws IOException {
        int port;
        try (ServerSocket server = loopbackServer()) {
            port = server.getLocalPort();
            assertFalse(CqlProbe.isPortFree(port), "a listening port is in use");
        }
        assertFalse(CqlProbe.isServing("127.0.0.1", port, TIMEOUT));
        assertTrue(CqlProbe.isPortFree(port));
    }

    private static ServerSocket loopbackServer() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    private static Thread answerOnce(ServerSocket server, byte[] answer, AtomicReference<byte[]> request) {
        Thread thread = new Thread(() -> {
            try (Socket socket = server.accept()) {
                byte[] header = new byte[9];
                new DataInputStream(socket.getInputStream()).readFully(header);
                request.set(header);
                socket.getOutputStream().write(answer);
                socket.getOutputStream().flush();
                // keep the connection open until the probe has read the answer and closed it
                socket.getInputStream().read();
            } catch (IOException e) {
                // the probe gave up: the assertion in the test says what went wrong
            }
        }, "fake-cql-server");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}

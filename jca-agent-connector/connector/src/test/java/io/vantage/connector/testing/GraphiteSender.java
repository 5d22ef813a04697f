package io.vantage.connector.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/** A Graphite sender for tests, as collectd or Telegraf would be, over a real socket. Reads give up after 5 s. */
public final class GraphiteSender implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final BufferedReader in;

    private GraphiteSender(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    }

    public static GraphiteSender connect(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        socket.connect(address, 5_000);
        socket.setSoTimeout((int) Await.DEADLINE.toMillis());
        return new GraphiteSender(socket);
    }

    public GraphiteSender send(String text) throws IOException {
        return sendRaw(text.getBytes(StandardCharsets.UTF_8));
    }

    public GraphiteSender sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Says it has nothing more to send, as a sender that closes its socket does, but still reads. */
    public void finish() throws IOException {
        socket.shutdownOutput();
    }

    /** Expects exactly one {@code ERROR} line and then the server's close. */
    public void assertErrorAndClose(String expectedLine) throws IOException {
        assertEquals(expectedLine, in.readLine());
        assertClosedByServer();
    }

    /** Expects the server to close the connection with nothing (more) to say. */
    public void assertClosedByServer() throws IOException {
        try {
            String line = in.readLine();
            if (line != null) {
                fail("expected the server to close the connection, but it sent " + line);
            }
        } catch (SocketException reset) {
            // a reset is a close with our own bytes still unread
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

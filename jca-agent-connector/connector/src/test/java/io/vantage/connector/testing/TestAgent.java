package io.vantage.connector.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import io.vantage.protocol.ErrorCode;
import io.vantage.protocol.ErrorFrame;
import io.vantage.protocol.Frame;
import io.vantage.protocol.FrameCodec;
import io.vantage.protocol.FrameReader;
import io.vantage.protocol.Hello;
import io.vantage.protocol.ProtocolException;
import io.vantage.protocol.ProtocolVersions;
import io.vantage.protocol.Welcome;

/**
 * A blocking agent for tests, speaking frames over a real socket, plain or TLS. Every read gives up after five
 * seconds.
 */
public final class TestAgent implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final FrameReader in;

    private TestAgent(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new FrameReader(socket.getInputStream(), FrameCodec.DEFAULT_MAX_FRAME_BYTES);
    }

    public static TestAgent connect(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        socket.connect(address, 5_000);
        socket.setSoTimeout((int) Await.DEADLINE.toMillis());
        socket.setTcpNoDelay(true);
        return new TestAgent(socket);
    }

    /**
     * Connects over TLS and finishes the handshake, verifying the server's certificate against
     * {@code context}'s trust and the address it was reached at, as the real agent does.
     */
    public static TestAgent connectTls(InetSocketAddress address, SSLContext context) throws IOException {
        Socket plain = new Socket();
        plain.connect(address, 5_000);
        plain.setSoTimeout((int) Await.DEADLINE.toMillis());
        plain.setTcpNoDelay(true);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain,
                address.getAddress().getHostAddress(), address.getPort(), true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return new TestAgent(socket);
    }

    public static Hello hello(String agentId, String key) {
        return new Hello(ProtocolVersions.MIN_SUPPORTED, ProtocolVersions.MAX_SUPPORTED, agentId, key,
                agentId + ".example.org", "test-agent-1.0");
    }

    /** Says hello with the right key and expects WELCOME. */
    public Welcome handshake(String agentId) throws IOException, ProtocolException {
        send(hello(agentId, RecordingListener.KEY));
        return read(Welcome.class);
    }

    /** Says hello as an agent that speaks version 1 only, which has no requests, and expects WELCOME. */
    public Welcome handshakeAsVersion1(String agentId) throws IOException, ProtocolException {
        send(new Hello(ProtocolVersions.V1, ProtocolVersions.V1, agentId, RecordingListener.KEY,
                agentId + ".example.org", "old-agent-0.9"));
        return read(Welcome.class);
    }

    public void send(Frame frame) throws IOException {
        sendRaw(FrameCodec.encode(frame));
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public Frame read() throws IOException, ProtocolException {
        return in.read();
    }

    public <T extends Frame> T read(Class<T> type) throws IOException, ProtocolException {
        return assertInstanceOf(type, read());
    }

    public ErrorFrame readError(ErrorCode expected) throws IOException, ProtocolException {
        ErrorFrame error = read(ErrorFrame.class);
        assertEquals(expected, error.code(), () -> "error " + error);
        return error;
    }

    /** Expects the server to close the connection with nothing more to say. */
    public void assertClosedByServer() throws IOException, ProtocolException {
        try {
            Frame frame = in.read();
            fail("expected the server to close the connection, but it sent " + frame);
        } catch (EOFException | SocketException closed) {
            // EOF is a clean close; a reset is a close with our own bytes still unread
        }
    }

    /** The TLS version the session runs, or {@code null} over plain TCP. */
    public String tlsProtocol() {
        return socket instanceof SSLSocket tls ? tls.getSession().getProtocol() : null;
    }

    /** Bytes that have arrived and are not read yet. */
    public int available() throws IOException {
        return socket.getInputStream().available();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

package io.vantage.agent.transport;

import io.vantage.agent.config.ServerAddress;
import io.vantage.protocol.ErrorCode;
import io.vantage.protocol.ErrorFrame;
import io.vantage.protocol.Frame;
import io.vantage.protocol.FrameCodec;
import io.vantage.protocol.FrameReader;
import io.vantage.protocol.Hello;
import io.vantage.protocol.ProtocolException;
import io.vantage.protocol.Welcome;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One TCP connection to a server, plain or TLS, from a successful handshake until it closes. The sender thread
 * writes to it, the reader thread reads from it, and either may close it; the first reason given is the one logged.
 */
public final class Link {

    /** The server sends only small frames; a larger one means the stream is not what it should be. */
    private static final int MAX_INCOMING_FRAME_BYTES = 64 * 1024;

    /** The TCP socket; closing it ends a TLS session over it too, and never waits, whatever another thread does. */
    private final Socket socket;
    private final ServerAddress server;
    private final Welcome welcome;
    private final FrameReader reader;
    private final OutputStream out;
    private final long openedNanos = System.nanoTime();
    private final AtomicReference<String> closeReason = new AtomicReference<>();
    private volatile long lastSentNanos = openedNanos;

    private Link(Socket socket, ServerAddress server, Welcome welcome, FrameReader reader, OutputStream out) {
        this.socket = socket;
        this.server = server;
        this.welcome = welcome;
        this.reader = reader;
        this.out = out;
    }

    /**
     * Connects {@code socket}, puts TLS over it when {@code tls} is given, and shakes hands. The caller creates the
     * socket so that it can close it from another thread to abandon a slow attempt. On any failure the socket is
     * closed.
     *
     * @param tls verifies the server before the Hello goes out, or {@code null} for plain TCP
     * @throws ServerRefusedException   when the server answers the Hello with an error
     * @throws ServerUntrustedException when the server's certificate does not verify; nothing was sent
     * @throws ProtocolException        when the server answers with something that is not this protocol
     */
    public static Link open(Socket socket, ServerAddress server, Hello hello, TransportSettings settings,
                            TlsConnector tls) throws IOException, ProtocolException, ServerRefusedException {
        try {
            socket.connect(new InetSocketAddress(server.host(), server.port()),
                    (int) settings.connectTimeout().toMillis());
            socket.setTcpNoDelay(true); // each frame is written whole; waiting to coalesce only adds latency
            socket.setKeepAlive(true);
            socket.setSoTimeout((int) settings.handshakeTimeout().toMillis());
            Socket stream = tls == null ? socket : tls.handshake(socket, server);
            OutputStream out = stream.getOutputStream();
            FrameReader reader = new FrameReader(new BufferedInputStream(stream.getInputStream(), 1024),
                    MAX_INCOMING_FRAME_BYTES);
            out.write(FrameCodec.encode(hello));
            out.flush();
            Frame answer = reader.read();
            if (answer instanceof ErrorFrame error) {
                throw new ServerRefusedException(error);
            }
            if (!(answer instanceof Welcome welcome)) {
                throw new ProtocolException(ErrorCode.UNEXPECTED_FRAME, "server answered the Hello with a "
                        + answer.type() + " frame");
            }
            if (welcome.version() < hello.minVersion() || welcome.version() > hello.maxVersion()) {
                throw new ProtocolException(ErrorCode.UNSUPPORTED_VERSION, "server chose protocol version "
                        + welcome.version() + ", which this agent does not speak");
            }
            // silence for two heartbeats means the server or the path to it is gone, even if TCP has not noticed
            socket.setSoTimeout(welcome.heartbeatSeconds() > 0 ? welcome.heartbeatSeconds() * 2000 : 0);
            return new Link(socket, server, welcome, reader, out);
        } catch (IOException | ProtocolException | ServerRefusedException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    /** Writes one frame. Only the sender thread calls this. */
    public void send(Frame frame) throws IOException {
        out.write(FrameCodec.encode(frame));
        out.flush();
        lastSentNanos = System.nanoTime();
    }

    /** Blocks for the next frame. Only the reader thread calls this. */
    Frame read() throws IOException, ProtocolException {
        return reader.read();
    }

    /** Closes the connection, which also wakes a thread blocked reading or writing it. */
    public void close(String reason) {
        if (closeReason.compareAndSet(null, reason)) {
            closeQuietly(socket);
        }
    }

    public boolean isOpen() {
        return closeReason.get() == null;
    }

    /** Why the connection closed, or {@code null} while open. */
    public String closeReason() {
        return closeReason.get();
    }

    public ServerAddress server() {
        return server;
    }

    public Welcome welcome() {
        return welcome;
    }

    public long openedNanos() {
        return openedNanos;
    }

    public long lastSentNanos() {
        return lastSentNanos;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do with a socket that will not close
        }
    }
}

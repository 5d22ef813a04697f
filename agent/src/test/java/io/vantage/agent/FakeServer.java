package io.vantage.agent;

import io.vantage.agent.config.ServerAddress;
import io.vantage.protocol.Ack;
import io.vantage.protocol.CheckRun;
import io.vantage.protocol.ErrorCode;
import io.vantage.protocol.ErrorFrame;
import io.vantage.protocol.Frame;
import io.vantage.protocol.FrameCodec;
import io.vantage.protocol.FrameReader;
import io.vantage.protocol.FrameType;
import io.vantage.protocol.Hello;
import io.vantage.protocol.Ping;
import io.vantage.protocol.Pong;
import io.vantage.protocol.ProtocolException;
import io.vantage.protocol.ProtocolVersions;
import io.vantage.protocol.Request;
import io.vantage.protocol.Response;
import io.vantage.protocol.SampleBatch;
import io.vantage.protocol.Welcome;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiFunction;

/**
 * A Vantage server as far as one agent can tell: accepts connections on a free loopback port, answers the Hello
 * with a Welcome (or a refusal), and answers each batch as the test's policy says. It records what arrived on each
 * connection so tests can check order across reconnects.
 */
final class FakeServer implements AutoCloseable {

    /** How the server answers a batch. */
    enum Answer { ACK, NOT_STORED, REJECT, NOTHING }

    private final ServerSocket serverSocket;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final List<Long> acknowledged = new CopyOnWriteArrayList<>();
    private volatile BiFunction<Integer, SampleBatch, Answer> policy = (connection, batch) -> Answer.ACK;
    private volatile long lastStoredSequence;
    private volatile int heartbeatSeconds = 60;
    private volatile ErrorCode refuseWith;
    private volatile Duration welcomeDelay = Duration.ZERO;
    private volatile int welcomeVersion = ProtocolVersions.V1;
    /** The time of every sample received, on any connection, in arrival order. */
    private final List<Long> sampleTimes = new CopyOnWriteArrayList<>();

    FakeServer() throws IOException {
        this(0);
    }

    /** A server on {@code port} of the loopback address, 0 for any free one: a server coming back where it was. */
    FakeServer(int port) throws IOException {
        serverSocket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fake-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    ServerAddress address() {
        return new ServerAddress("127.0.0.1", serverSocket.getLocalPort());
    }

    /** How to answer a batch, given the connection's number (1 for the first) and the batch. */
    void answer(BiFunction<Integer, SampleBatch, Answer> policy) {
        this.policy = policy;
    }

    void lastStoredSequence(long sequence) {
        this.lastStoredSequence = sequence;
    }

    void heartbeatSeconds(int seconds) {
        this.heartbeatSeconds = seconds;
    }

    /** Waits this long before answering a Hello, like a server busy admitting a crowd of agents. */
    void welcomeDelay(Duration delay) {
        this.welcomeDelay = delay;
    }

    /** The protocol version the Welcome chooses; version 1, an old server, unless the test says otherwise. */
    void welcomeVersion(int version) {
        this.welcomeVersion = version;
    }

    List<Long> sampleTimes() {
        return new ArrayList<>(sampleTimes);
    }

    /** Answer each Hello with this error instead of a Welcome; {@code null} to welcome again. */
    void refuseWith(ErrorCode code) {
        this.refuseWith = code;
    }

    /** The connections so far, the first first. */
    List<Connection> connections() {
        return connections;
    }

    Connection connection(int number) {
        return connections.get(number - 1);
    }

    /** Every sequence acknowledged, on any connection. */
    List<Long> acknowledged() {
        return acknowledged;
    }

    /** Closes every open connection, as a crashing server or a broken network would. */
    void dropConnections() {
        connections.forEach(Connection::close);
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        dropConnections();
    }

    private void accept() {
        try {
            while (true) {
                Socket socket = serverSocket.accept();
                // as the real server does: with Nagle, an answer written while the previous one still waits for
                // the agent's delayed TCP ACK is held until the agent's next batch, for as long as ticks keep
                // coming, so that a test could never see nothing unacknowledged
                socket.setTcpNoDelay(true);
                Connection connection = new Connection(socket, connections.size() + 1);
                connections.add(connection);
                Thread handler = new Thread(connection::serve, "fake-server-connection-" + connection.number);
                handler.setDaemon(true);
                handler.start();
            }
        } catch (IOException e) {
            // the server socket was closed: the test is over
        }
    }

    /** One agent connection and what arrived on it. */
    final class Connection {
        final int number;
        final List<Long> batches = new CopyOnWriteArrayList<>();
        final List<Long> pongs = new CopyOnWriteArrayList<>();
        final List<Long> pings = new CopyOnWriteArrayList<>();
        final List<Response> responses = new CopyOnWriteArrayList<>();
        /** The frame type each batch came in, in arrival order. */
        final List<FrameType> batchTypes = new CopyOnWriteArrayList<>();
        /** The check runs that came with the batches. */
        final List<CheckRun> checkRuns = new CopyOnWriteArrayList<>();
        volatile Welcome welcome;
        final CountDownLatch closed = new CountDownLatch(1);
        volatile Hello hello;
        private final Socket socket;

        Connection(Socket socket, int number) {
            this.socket = socket;
            this.number = number;
        }

        /** Asks the agent something (protocol version 2). */
        void request(Request request) throws IOException {
            send(request);
        }

        /** Sends a ping to the agent. */
        void ping(long nonce) throws IOException {
            send(new Ping(nonce));
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }

        List<Long> batchesSnapshot() {
            return new ArrayList<>(batches);
        }

        private void serve() {
            try {
                FrameReader reader = new FrameReader(new BufferedInputStream(socket.getInputStream()),
                        FrameCodec.DEFAULT_MAX_FRAME_BYTES);
                hello = (Hello) reader.read();
                ErrorCode refusal = refuseWith;
                if (refusal != null) {
                    send(new ErrorFrame(refusal, "refused by the test"));
                    return;
                }
                Thread.sleep(welcomeDelay.toMillis());
                welcome = new Welcome(welcomeVersion, lastStoredSequence, heartbeatSeconds);
                send(welcome);
                while (true) {
                    answer(reader.read());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | ProtocolException | ClassCastException e) {
                // the agent or the test closed the connection
            } finally {
                close();
                closed.countDown();
            }
        }

        private void answer(Frame frame) throws IOException {
            if (frame instanceof SampleBatch batch) {
                batches.add(batch.sequence());
                batchTypes.add(batch.type());
                checkRuns.addAll(batch.checks());
                batch.samples().forEach(sample -> sampleTimes.add(sample.timestampMillis()));
                Answer answer = policy.apply(number, batch);
                if (answer == Answer.ACK) {
                    acknowledged.add(batch.sequence());
                    send(new Ack(batch.sequence()));
                } else if (answer == Answer.NOT_STORED) {
                    send(new ErrorFrame(ErrorCode.BATCH_NOT_STORED, "storage unavailable"));
                } else if (answer == Answer.REJECT) {
                    send(new ErrorFrame(ErrorCode.BATCH_REJECTED, "not acceptable"));
                }
            } else if (frame instanceof Ping ping) {
                pings.add(ping.nonce());
                send(new Pong(ping.nonce()));
            } else if (frame instanceof Pong pong) {
                pongs.add(pong.nonce());
            } else if (frame instanceof Response response) {
                responses.add(response);
            }
        }

        private synchronized void send(Frame frame) throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(FrameCodec.encode(frame));
            out.flush();
        }
    }
}

package io.vantage.agent.transport;

import io.vantage.agent.config.ServerAddress;
import io.vantage.protocol.Hello;
import io.vantage.protocol.ProtocolException;
import java.io.IOException;
import java.net.Socket;

/**
 * One connection attempt, connect and handshake, on a short-lived thread of its own: a server that is slow to answer
 * (starting up, busy admitting a crowd of agents) must not stop the agent collecting, or the series would get a hole
 * for as long as the handshake takes.
 */
public final class ConnectAttempt {

    private final Socket socket = new Socket();
    private final ServerAddress server;
    private volatile Link opened;
    private volatile Exception failure;
    private volatile boolean done;

    private ConnectAttempt(ServerAddress server) {
        this.server = server;
    }

    /**
     * Starts connecting to {@code server}.
     *
     * @param tls      puts TLS over the connection and verifies the server, or {@code null} for plain TCP
     * @param whenDone run on the attempt's thread once it has succeeded or failed, to wake the agent's loop
     */
    public static ConnectAttempt start(ServerAddress server, Hello hello, TransportSettings settings,
                                       TlsConnector tls, Runnable whenDone) {
        ConnectAttempt attempt = new ConnectAttempt(server);
        Thread thread = new Thread(() -> attempt.run(hello, settings, tls, whenDone), "vantage-agent-connect");
        thread.setDaemon(true);
        thread.start();
        return attempt;
    }

    private void run(Hello hello, TransportSettings settings, TlsConnector tls, Runnable whenDone) {
        try {
            opened = Link.open(socket, server, hello, settings, tls);
        } catch (IOException | ProtocolException | ServerRefusedException | RuntimeException e) {
            failure = e;
        } finally {
            done = true;
            whenDone.run();
        }
    }

    public boolean isDone() {
        return done;
    }

    /** The open connection, or {@code null} when the attempt failed or is still running. */
    public Link link() {
        return opened;
    }

    /** Why the attempt failed, or {@code null}. */
    public Exception failure() {
        return failure;
    }

    /** Gives up: closes the socket, and the connection if it opened meanwhile. */
    public void abandon() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to recover: the attempt is being thrown away
        }
        Link link = opened;
        if (link != null) {
            link.close("the agent is stopping");
        }
    }
}

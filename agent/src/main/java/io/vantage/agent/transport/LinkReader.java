package io.vantage.agent.transport;

import io.vantage.agent.log.AgentLog;
import io.vantage.protocol.Ack;
import io.vantage.protocol.ErrorCode;
import io.vantage.protocol.ErrorFrame;
import io.vantage.protocol.Frame;
import io.vantage.protocol.Ping;
import io.vantage.protocol.Pong;
import io.vantage.protocol.ProtocolException;
import io.vantage.protocol.ProtocolVersions;
import io.vantage.protocol.Request;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;

/**
 * The reader thread of one connection: blocks on the socket, hands each frame from the server to the outbox (and,
 * on a version 2 connection, each request to the request handler), and closes the connection when the stream ends
 * or breaks. It never writes, so a server that stops reading cannot block it.
 */
public final class LinkReader implements Runnable {

    private final Link link;
    private final Outbox outbox;
    private final RequestHandler requests;

    public LinkReader(Link link, Outbox outbox, RequestHandler requests) {
        this.link = link;
        this.outbox = outbox;
        this.requests = requests;
    }

    /** Starts the reader thread of {@code link}; it ends when the connection closes. */
    public static void start(Link link, Outbox outbox, RequestHandler requests) {
        Thread thread = new Thread(new LinkReader(link, outbox, requests), "vantage-agent-reader");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        String reason = "its reader stopped unexpectedly";
        try {
            reason = readUntilClosing();
        } catch (SocketTimeoutException e) {
            reason = "no frame from the server for " + link.welcome().heartbeatSeconds() * 2 + " s";
        } catch (EOFException e) {
            reason = "the server closed the connection";
        } catch (IOException e) {
            reason = String.valueOf(e.getMessage());
        } catch (ProtocolException e) {
            reason = "the server broke the protocol: " + e.getMessage();
        } catch (RuntimeException e) {
            AgentLog.unexpected("Reader of the connection to " + link.server() + " failed", e);
            reason = e.toString();
        } finally {
            // a no-op when the sender closed it first, whose reason then stands; the sender then reconnects
            link.close(reason);
            outbox.wake();
        }
    }

    private String readUntilClosing() throws IOException, ProtocolException {
        while (true) {
            String closing = dispatch(link.read());
            if (closing != null) {
                return closing;
            }
        }
    }

    /** Hands one frame on; returns why the connection must close because of it, or {@code null}. */
    private String dispatch(Frame frame) throws ProtocolException {
        if (frame instanceof Ack ack) {
            outbox.acknowledged(ack.sequence());
        } else if (frame instanceof ErrorFrame error) {
            return onError(error);
        } else if (frame instanceof Ping ping) {
            outbox.pongDue(link, ping.nonce());
        } else if (frame instanceof Request request && ProtocolVersions.carriesRequests(link.welcome().version())) {
            requests.handle(request, response -> outbox.responseDue(link, response));
        } else if (!(frame instanceof Pong)) {
            // a Pong needs no handling: any frame proves the server alive, and the read timeout covers silence
            throw new ProtocolException(ErrorCode.UNEXPECTED_FRAME, "a " + frame.type() + " frame after the handshake");
        }
        return null;
    }

    private String onError(ErrorFrame error) {
        if (error.code() == ErrorCode.BATCH_NOT_STORED) {
            outbox.notStored(link, error.message());
        } else if (error.code() == ErrorCode.BATCH_REJECTED) {
            outbox.rejected(link, error.message());
        } else if (error.code().closesConnection()) {
            return "the server ended it with " + error.code() + ": " + error.message();
        } else {
            AgentLog.serverError(link.server().toString(), error.code().name(), error.message());
        }
        return null;
    }
}

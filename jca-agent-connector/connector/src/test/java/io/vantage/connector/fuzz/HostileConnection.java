package io.vantage.connector.fuzz;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.vantage.protocol.ErrorCode;
import io.vantage.protocol.Frame;
import io.vantage.protocol.Welcome;

/** Plays one {@link HostileCase} against the server over a real socket and checks what comes back. */
public final class HostileConnection {

    /** The longest the server may stay silent without closing, at any point: several times its own timeouts. */
    static final int READ_TIMEOUT_MILLIS = 8_000;
    /** The longest a whole hostile connection may last before the watchdog closes it and calls it a hang. */
    public static final Duration DEADLINE = Duration.ofSeconds(12);

    private final InetSocketAddress server;
    private final AnswerOracle oracle;
    private final Watchdog watchdog;
    private final int heartbeatSeconds;
    private final SocketLayer layer;

    public HostileConnection(InetSocketAddress server, AnswerOracle oracle, Watchdog watchdog, int heartbeatSeconds) {
        this(server, oracle, watchdog, heartbeatSeconds, SocketLayer.PLAIN);
    }

    /** @param layer what to put over each connected socket: nothing, or TLS for the TLS listener */
    public HostileConnection(InetSocketAddress server, AnswerOracle oracle, Watchdog watchdog, int heartbeatSeconds,
                             SocketLayer layer) {
        this.server = server;
        this.oracle = oracle;
        this.watchdog = watchdog;
        this.heartbeatSeconds = heartbeatSeconds;
        this.layer = layer;
    }

    /**
     * What came of one hostile connection.
     *
     * @param hostile  the case played
     * @param code     the closing error the server sent, {@code null} when none
     * @param end      how the stream ended, {@code OPEN} when the client closed it itself
     * @param acks       ACKs received
     * @param rejections BATCH_REJECTED errors received (they do not close the connection)
     * @param problems what the server did wrong; empty when all is well
     */
    public record Result(HostileCase hostile, ErrorCode code, Conversation.End end, int acks, int rejections,
                         List<String> problems) {
    }

    public Result play(HostileCase hostile) {
        Prediction prediction = oracle.predict(hostile.stream(), hostile.awaitsWelcome());
        List<String> problems = new ArrayList<>();
        Conversation conversation = null;
        Socket socket = new Socket();
        try (Watchdog.Guard guard = watchdog.guard(socket, DEADLINE)) {
            try {
                socket.connect(server, READ_TIMEOUT_MILLIS);
                socket.setSoTimeout(READ_TIMEOUT_MILLIS);
                socket.setTcpNoDelay(true);
                Socket stream = layer.over(socket, server);
                conversation = new Conversation(stream.getInputStream(), prediction, heartbeatSeconds,
                        READ_TIMEOUT_MILLIS);
                perform(hostile, stream, conversation, hangsUpWhenAnswered(hostile, prediction));
            } catch (IOException e) {
                if (!guard.fired()) {
                    problems.add("could not connect: " + e);
                }
            }
            if (guard.fired()) {
                problems.add("still open after " + DEADLINE.toSeconds() + " s: the server neither finished nor "
                        + "closed the connection");
            } else if (conversation != null && conversation.end() != Conversation.End.OPEN) {
                conversation.finish(hostile);
            }
        } finally {
            closeQuietly(socket);
        }
        if (conversation == null) {
            return new Result(hostile, null, Conversation.End.RESET, 0, 0, problems);
        }
        problems.addAll(conversation.problems());
        return new Result(hostile, conversation.closingCode(), conversation.end(), conversation.acks(),
                conversation.rejections(), problems);
    }

    /**
     * Whether to hang up once every answer is in rather than wait for the server's idle timeout: for two in three
     * of the cases whose bytes are all valid, so the fuzzer spends its time fuzzing rather than waiting.
     */
    private static boolean hangsUpWhenAnswered(HostileCase hostile, Prediction prediction) {
        return hostile.ending() == HostileCase.Ending.READ_TO_END && !hostile.slow()
                && prediction.idleMeansComplete() && prediction.closingCodes().equals(Set.of(ErrorCode.IDLE_TIMEOUT))
                && Math.floorMod(hostile.seed(), 3) != 0;
    }

    private static void perform(HostileCase hostile, Socket socket, Conversation conversation,
                                boolean hangUpWhenAnswered) throws IOException {
        OutputStream out = socket.getOutputStream();
        try {
            for (HostileCase.Step step : hostile.steps()) {
                if (!perform(step, out, conversation)) {
                    break;
                }
            }
        } catch (IOException e) {
            // the server hung up while we were still talking: what it said before is read below
        }
        switch (hostile.ending()) {
            case CLOSE:
                socket.close();
                return;
            case RESET:
                socket.setSoLinger(true, 0);
                socket.close();
                return;
            case HALF_CLOSE:
                try {
                    socket.shutdownOutput();
                } catch (IOException e) {
                    // already reset by the server; reading tells how it ended
                }
                conversation.readToEnd();
                return;
            default:
                if (hangUpWhenAnswered) {
                    conversation.readAllAnswers();
                    if (conversation.end() == Conversation.End.OPEN) {
                        socket.close();
                        return;
                    }
                }
                conversation.readToEnd();
        }
    }

    /** @return whether to go on with the next step */
    private static boolean perform(HostileCase.Step step, OutputStream out, Conversation conversation)
            throws IOException {
        if (step instanceof HostileCase.Step.Write write) {
            write.sendTo(out);
            return true;
        }
        if (step instanceof HostileCase.Step.Trickle trickle) {
            trickle.sendTo(out);
            return true;
        }
        Frame welcome = conversation.next();
        return welcome instanceof Welcome;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing after the conversation; nothing left to learn
        }
    }
}

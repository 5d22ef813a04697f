package io.vantage.connector.fuzz.graphite;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.vantage.connector.fuzz.HostileCase;
import io.vantage.connector.fuzz.Watchdog;

/**
 * Plays one hostile {@link HostileCase} against the Graphite listener over a real socket and checks how the
 * server ended it against the {@link GraphiteOracle}: input that earns an error gets exactly one
 * {@code ERROR <reason>} line and EOF; valid input read to the end gets the idle-timeout ERROR no sooner than the
 * timeout; a half-close after valid input gets a plain close; nothing ever hangs past {@link #DEADLINE}.
 */
public final class GraphiteHostileConnection {

    /** The longest a whole hostile connection may last before the watchdog closes it and calls it a hang. */
    public static final Duration DEADLINE = Duration.ofSeconds(9);
    private static final int READ_TIMEOUT_MILLIS = 7_000;
    /** Slack for the idle timeout firing early: the server's and the client's clocks start apart. */
    private static final long IDLE_SLACK_MILLIS = 100;

    private final InetSocketAddress server;
    private final GraphiteOracle oracle;
    private final Watchdog watchdog;
    private final Duration idleTimeout;
    private final String idleReason;

    public GraphiteHostileConnection(InetSocketAddress server, GraphiteOracle oracle, Watchdog watchdog,
                                     Duration idleTimeout) {
        this.server = server;
        this.oracle = oracle;
        this.watchdog = watchdog;
        this.idleTimeout = idleTimeout;
        this.idleReason = "no complete line within " + idleTimeout.toSeconds() + " s";
    }

    /**
     * What came of one hostile connection.
     *
     * @param hostile    the case played
     * @param ending     how it ended, in words, for the figures
     * @param validLines the valid lines the server may have delivered from it
     * @param guaranteed whether the server reads the whole stream, so it must deliver every one of them
     * @param problems   what the server did wrong; empty when all is well
     */
    public record Result(HostileCase hostile, String ending, int validLines, boolean guaranteed,
                         List<String> problems) {
    }

    public Result play(HostileCase planned) {
        GraphitePrediction prediction = oracle.predict(planned.stream());
        HostileCase hostile = hangsUpEarly(planned, prediction)
                ? planned.withEnding(planned.kind(), HostileCase.Ending.CLOSE) : planned;
        List<String> problems = new ArrayList<>();
        GraphiteAnswer answer = null;
        long started = System.nanoTime();
        long elapsedMillis = 0;
        Socket socket = new Socket();
        try (Watchdog.Guard guard = watchdog.guard(socket, DEADLINE)) {
            try {
                socket.connect(server, READ_TIMEOUT_MILLIS);
                socket.setSoTimeout(READ_TIMEOUT_MILLIS);
                answer = perform(hostile, socket);
                elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            } catch (IOException e) {
                if (!guard.fired()) {
                    problems.add("could not connect: " + e);
                }
            }
            if (guard.fired()) {
                problems.add("still open after " + DEADLINE.toSeconds() + " s: the server neither finished nor "
                        + "closed the connection");
                answer = null;
            }
        } finally {
            closeQuietly(socket);
        }
        if (answer != null) {
            check(hostile, prediction, answer, elapsedMillis, problems);
        }
        // without a reset the server reads everything sent; only a trickle may be cut short by the idle timeout
        boolean guaranteed = hostile.ending() != HostileCase.Ending.RESET && !hostile.slow();
        return new Result(hostile, ending(hostile, answer), prediction.validLines(), guaranteed, problems);
    }

    /**
     * Whether to hang up rather than wait for the idle timeout: for two in three of the cases that would only
     * wait for it, so the fuzzer spends its time fuzzing rather than waiting.
     */
    private static boolean hangsUpEarly(HostileCase hostile, GraphitePrediction prediction) {
        return hostile.ending() == HostileCase.Ending.READ_TO_END && !hostile.slow() && !prediction.fatal()
                && Math.floorMod(hostile.seed(), 3) != 0;
    }

    private void check(HostileCase hostile, GraphitePrediction prediction, GraphiteAnswer answer, long elapsedMillis,
                       List<String> problems) {
        boolean halfClosed = hostile.ending() == HostileCase.Ending.HALF_CLOSE;
        Set<String> allowed = hostile.slow() ? (prediction.fatal() ? Set.of(prediction.fatalReason(), idleReason)
                : Set.of(idleReason)) : Set.of(prediction.fatal() ? prediction.fatalReason() : idleReason);
        boolean errorRequired = prediction.fatal() || !halfClosed;
        if (answer.end() != GraphiteAnswer.End.EOF) {
            problems.add("the connection ended with " + answer.end() + " instead of EOF after '" + answer.shown()
                    + "'; expected " + (errorRequired ? "ERROR " + allowed : "a plain close"));
            return;
        }
        if (answer.silent()) {
            if (errorRequired) {
                problems.add("closed without an ERROR line; expected ERROR " + allowed);
            }
            return;
        }
        String reason = answer.errorReason();
        if (reason == null) {
            problems.add("the server said '" + answer.shown() + "', which is not one ERROR line");
        } else if (!allowed.contains(reason) || !errorRequired && !hostile.slow()) {
            problems.add("closed with 'ERROR " + reason + "', expected "
                    + (errorRequired || hostile.slow() ? "ERROR " + allowed : "a plain close"));
        } else if (reason.equals(idleReason) && !hostile.slow()
                && elapsedMillis < idleTimeout.toMillis() - IDLE_SLACK_MILLIS) {
            problems.add("timed out as idle after " + elapsedMillis + " ms, before the idle timeout");
        }
    }

    private static GraphiteAnswer perform(HostileCase hostile, Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        try {
            for (HostileCase.Step step : hostile.steps()) {
                if (step instanceof HostileCase.Step.Write write) {
                    write.sendTo(out);
                } else if (step instanceof HostileCase.Step.Trickle trickle) {
                    trickle.sendTo(out);
                }
            }
        } catch (IOException e) {
            // the server hung up while we were still talking: what it said before is read below
        }
        switch (hostile.ending()) {
            case CLOSE:
                socket.close();
                return null;
            case RESET:
                socket.setSoLinger(true, 0);
                socket.close();
                return null;
            case HALF_CLOSE:
                try {
                    socket.shutdownOutput();
                } catch (IOException e) {
                    // already reset by the server; reading tells how it ended
                }
                return GraphiteAnswer.readToEnd(socket.getInputStream());
            default:
                return GraphiteAnswer.readToEnd(socket.getInputStream());
        }
    }

    private static String ending(HostileCase hostile, GraphiteAnswer answer) {
        if (answer == null) {
            return "closed by the client (" + hostile.ending() + ")";
        }
        String reason = answer.errorReason();
        if (reason != null) {
            return "ERROR " + (reason.startsWith("line longer") ? "line longer than the limit" : reason);
        }
        return answer.silent() ? "closed without a word (" + answer.end() + ")" : "garbage answer";
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing after the conversation; nothing left to learn
        }
    }
}

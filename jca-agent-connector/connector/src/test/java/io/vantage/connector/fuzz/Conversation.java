package io.vantage.connector.fuzz;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

import io.vantage.protocol.Ack;
import io.vantage.protocol.ErrorCode;
import io.vantage.protocol.ErrorFrame;
import io.vantage.protocol.Frame;
import io.vantage.protocol.FrameCodec;
import io.vantage.protocol.FrameReader;
import io.vantage.protocol.Ping;
import io.vantage.protocol.Pong;
import io.vantage.protocol.ProtocolException;
import io.vantage.protocol.ProtocolVersions;
import io.vantage.protocol.Welcome;

/**
 * Reads what the server says on one hostile connection and checks it frame by frame: every frame decodes, only
 * server frames arrive, WELCOME comes first and only for an admissible HELLO, the answers are those the
 * {@link Prediction} owes in their order, nothing follows a closing error, and the conversation ends in one of
 * the predicted ways.
 */
final class Conversation {

    /** How a conversation ended, seen from the client. */
    enum End { OPEN, EOF, RESET, TIMED_OUT, GARBAGE }

    private final PushbackInputStream in;
    private final FrameReader reader;
    private final Prediction prediction;
    private final int heartbeatSeconds;
    private final int readTimeoutMillis;
    private final List<String> problems = new ArrayList<>();
    private End end = End.OPEN;
    private int frames;
    private boolean welcomed;
    private int batchAnswers;
    private int pongs;
    private int acks;
    private int rejections;
    private ErrorFrame closingError;

    Conversation(InputStream in, Prediction prediction, int heartbeatSeconds, int readTimeoutMillis) {
        this.in = new PushbackInputStream(in, 1);
        this.reader = new FrameReader(this.in, FrameCodec.DEFAULT_MAX_FRAME_BYTES);
        this.prediction = prediction;
        this.heartbeatSeconds = heartbeatSeconds;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    /** The next frame, checked; {@code null} once the conversation is over. */
    Frame next() {
        if (end != End.OPEN) {
            return null;
        }
        try {
            int first = in.read();
            if (first < 0) {
                end = End.EOF;
                return null;
            }
            in.unread(first);
            Frame frame = reader.read();
            check(frame);
            return frame;
        } catch (SocketTimeoutException e) {
            problems.add("the server neither answered nor closed within " + readTimeoutMillis + " ms");
            end = End.TIMED_OUT;
        } catch (EOFException e) {
            problems.add("the server's frame was cut short by the end of the stream");
            end = End.GARBAGE;
        } catch (ProtocolException e) {
            problems.add("the server sent bytes that are not a valid frame: " + e.code() + " " + e.getMessage());
            end = End.GARBAGE;
        } catch (SocketException e) {
            end = End.RESET;
        } catch (IOException e) {
            // over TLS a reset arrives wrapped, as an SSLException caused by the SocketException
            if (!(e.getCause() instanceof SocketException)) {
                problems.add("reading failed: " + e);
            }
            end = End.RESET;
        }
        return null;
    }

    /** Reads until the server closes. */
    void readToEnd() {
        while (next() != null) {
            // every frame is checked as it arrives
        }
    }

    /** Reads until every answer the prediction owes has arrived, or the conversation ends. */
    void readAllAnswers() {
        while (!allAnswered() && next() != null) {
            // every frame is checked as it arrives
        }
    }

    private boolean allAnswered() {
        return (welcomed || !prediction.welcomePossible()) && batchAnswers >= prediction.batchAnswers().size()
                && pongs >= prediction.pongs().size();
    }

    /** Checks how the conversation ended against what the case and the prediction allow. */
    void finish(HostileCase hostile) {
        if (end == End.TIMED_OUT || end == End.GARBAGE) {
            return;
        }
        if (closingError != null) {
            boolean allowed = prediction.closingCodes().contains(closingError.code())
                    || hostile.slow() && closingError.code() == ErrorCode.IDLE_TIMEOUT;
            if (!allowed) {
                problems.add("closed with " + closingError + ", expected one of " + prediction.closingCodes());
            }
            if (closingError.code() == ErrorCode.IDLE_TIMEOUT && prediction.idleMeansComplete() && !hostile.slow()
                    && (batchAnswers < prediction.batchAnswers().size() || pongs < prediction.pongs().size())) {
                problems.add("timed out as idle with answers still owed: got " + batchAnswers + " of "
                        + prediction.batchAnswers().size() + " batch answers and " + pongs + " of "
                        + prediction.pongs().size() + " pongs");
            }
        } else if (hostile.errorRequired()) {
            problems.add("closed (" + end + ") without an ERROR frame after " + frames + " frames; expected one of "
                    + prediction.closingCodes());
        }
    }

    List<String> problems() {
        return problems;
    }

    /** The closing error the server sent, {@code null} when it closed without one. */
    ErrorCode closingCode() {
        return closingError == null ? null : closingError.code();
    }

    int acks() {
        return acks;
    }

    int rejections() {
        return rejections;
    }

    End end() {
        return end;
    }

    private void check(Frame frame) {
        frames++;
        if (closingError != null) {
            problems.add("the server sent " + frame + " after its closing " + closingError);
        }
        if (frame instanceof Welcome welcome) {
            if (welcomed || frames > 1) {
                problems.add("WELCOME that is not the first frame: " + welcome);
            }
            if (!prediction.welcomePossible()) {
                problems.add("WELCOME although no admissible HELLO was sent: " + welcome);
            }
            // the version is whichever the HELLO's range allowed; hostile hellos range over both
            if (welcome.version() < ProtocolVersions.MIN_SUPPORTED || welcome.version() > ProtocolVersions.MAX_SUPPORTED
                    || welcome.lastStoredSequence() != 0 || welcome.heartbeatSeconds() != heartbeatSeconds) {
                problems.add("unexpected WELCOME fields: " + welcome);
            }
            welcomed = true;
        } else if (frame instanceof Ack ack) {
            acks++;
            batchAnswer(ack.sequence(), false, frame);
        } else if (frame instanceof Pong pong) {
            requireWelcome(frame);
            if (pongs >= prediction.pongs().size() || prediction.pongs().get(pongs) != pong.nonce()) {
                problems.add("PONG " + pong.nonce() + " where pong " + pongs + " of " + prediction.pongs()
                        + " was due");
            }
            pongs++;
        } else if (frame instanceof ErrorFrame error) {
            if (error.code() == ErrorCode.BATCH_REJECTED) {
                rejections++;
                batchAnswer(sequenceIn(error.message()), true, frame);
            } else if (error.code().closesConnection()) {
                closingError = error;
            } else {
                problems.add("an error the fuzz listener never causes: " + error);
            }
        } else if (!(frame instanceof Ping)) {
            problems.add("a frame only agents send: " + frame);
        }
    }

    private void batchAnswer(long sequence, boolean rejected, Frame frame) {
        requireWelcome(frame);
        List<Prediction.BatchAnswer> owed = prediction.batchAnswers();
        Prediction.BatchAnswer got = new Prediction.BatchAnswer(sequence, rejected);
        if (batchAnswers >= owed.size() || !owed.get(batchAnswers).equals(got)) {
            problems.add(frame + " where answer " + batchAnswers + " of " + owed + " was due");
        }
        batchAnswers++;
    }

    private void requireWelcome(Frame frame) {
        if (!welcomed) {
            problems.add(frame + " before any WELCOME");
        }
    }

    /** The sequence in "batch N rejected: ...", or -1. */
    private static long sequenceIn(String message) {
        String[] words = message.split(" ", 3);
        try {
            return words.length > 1 && "batch".equals(words[0]) ? Long.parseLong(words[1]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

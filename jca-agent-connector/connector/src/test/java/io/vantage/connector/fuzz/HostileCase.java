package io.vantage.connector.fuzz;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One hostile connection, fully decided before it opens: what to send and how, then how to end.
 *
 * @param kind          the family it comes from, for the figures
 * @param detail        what exactly it does, for a failure message
 * @param seed          the seed it was made from, to replay it
 * @param steps         what to do once connected, in order
 * @param ending        what to do after the steps
 * @param awaitsWelcome whether the first step is a HELLO followed by {@link Step.AwaitWelcome}
 */
public record HostileCase(String kind, String detail, long seed, List<Step> steps, Ending ending,
                          boolean awaitsWelcome) {

    /** Above this much sent, the server may give up draining and reset the connection before the error is read. */
    static final int QUIET_CLOSE_BYTES = 128 * 1024;

    public HostileCase {
        steps = List.copyOf(steps);
    }

    /** What the connection does after its steps. */
    public enum Ending {
        /** Read until the server closes: an error, a timeout or valid answers, then EOF. */
        READ_TO_END,
        /** Shut down the output (the server sees EOF), then read until the server closes. */
        HALF_CLOSE,
        /** Close the socket without reading anything. */
        CLOSE,
        /** Close the socket with a reset (SO_LINGER 0), without reading anything. */
        RESET
    }

    /** One thing the connection does. */
    public sealed interface Step permits Step.Write, Step.Trickle, Step.AwaitWelcome {

        /** Writes the bytes at once. */
        record Write(byte[] bytes) implements Step {

            public void sendTo(OutputStream out) throws IOException {
                out.write(bytes);
                out.flush();
            }
        }

        /** Writes the bytes a few at a time, pausing between the writes. */
        record Trickle(byte[] bytes, int bytesPerWrite, int pauseMillis) implements Step {

            public void sendTo(OutputStream out) throws IOException {
                for (int from = 0; from < bytes.length; from += bytesPerWrite) {
                    out.write(bytes, from, Math.min(bytesPerWrite, bytes.length - from));
                    out.flush();
                    try {
                        Thread.sleep(pauseMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }

        /** Reads one frame and goes on only if it is WELCOME. */
        record AwaitWelcome() implements Step {
        }
    }

    /** Every byte the steps send, in order. */
    public byte[] stream() {
        List<byte[]> parts = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof Step.Write write) {
                parts.add(write.bytes());
            } else if (step instanceof Step.Trickle trickle) {
                parts.add(trickle.bytes());
            }
        }
        return Bytes.concat(parts.toArray(new byte[0][]));
    }

    /** Whether the bytes go out slowly enough that the server's timeouts may fire in between. */
    public boolean slow() {
        return steps.stream().anyMatch(step -> step instanceof Step.Trickle);
    }

    /**
     * Whether the server owes this connection an ERROR before it closes: it neither half-closes nor trickles nor
     * sends so much that the server may reset it, so it can always read what the server said.
     */
    public boolean errorRequired() {
        return ending == Ending.READ_TO_END && !slow() && stream().length <= QUIET_CLOSE_BYTES;
    }

    public HostileCase withEnding(String newKind, Ending newEnding) {
        return new HostileCase(newKind, detail + ", then " + newEnding, seed, steps, newEnding, awaitsWelcome);
    }

    @Override
    public String toString() {
        return kind + " [" + detail + "] (case seed " + seed + ", " + stream().length + " bytes, " + ending + ")";
    }
}

package io.vantage.connector.fuzz;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.vantage.protocol.ErrorCode;
import io.vantage.protocol.Frame;
import io.vantage.protocol.FrameDecoder;
import io.vantage.protocol.Hello;
import io.vantage.protocol.Ping;
import io.vantage.protocol.Pong;
import io.vantage.protocol.ProtocolException;
import io.vantage.protocol.ProtocolVersions;
import io.vantage.protocol.Sample;
import io.vantage.protocol.SampleBatch;

/**
 * Works out from PROTOCOL.md's rules, without the server's code, what the server may answer to the bytes a hostile
 * connection sends: the protocol module's decoder cuts the frames and this class plays the conversation. Where
 * timing decides (frames sent before WELCOME arrives, a decoding error read together with an earlier bad frame,
 * a rejection that comes back while more frames arrive) every possible ending is allowed.
 */
public final class AnswerOracle {

    private final int maxFrameBytes;
    private final FuzzListener listener;

    public AnswerOracle(int maxFrameBytes, FuzzListener listener) {
        this.maxFrameBytes = maxFrameBytes;
        this.listener = listener;
    }

    /**
     * @param stream        every byte the connection sends, in order
     * @param awaitsWelcome whether the connection waits for WELCOME after its first frame (a HELLO) before the rest
     */
    public Prediction predict(byte[] stream, boolean awaitsWelcome) {
        Walk walk = new Walk(awaitsWelcome);
        FrameDecoder decoder = new FrameDecoder(maxFrameBytes);
        for (int i = 0; i < stream.length; i++) {
            List<Frame> frames;
            try {
                // a byte at a time: the frames completed before a decoding error are known too
                frames = decoder.decode(ByteBuffer.wrap(stream, i, 1));
            } catch (ProtocolException e) {
                walk.end(e.code());
                break;
            }
            for (Frame frame : frames) {
                walk.onFrame(frame);
            }
        }
        return walk.prediction();
    }

    /** The conversation so far, frame by frame. */
    private final class Walk {

        private final boolean awaitsWelcome;
        private final Set<ErrorCode> codes = EnumSet.noneOf(ErrorCode.class);
        private final List<Prediction.BatchAnswer> answers = new ArrayList<>();
        private final List<Long> pongs = new ArrayList<>();
        private boolean helloSeen;
        private boolean admitted;
        private boolean ended;
        private boolean rejectionPending;
        private int version;

        Walk(boolean awaitsWelcome) {
            this.awaitsWelcome = awaitsWelcome;
        }

        void onFrame(Frame frame) {
            if (ended) {
                if (rejectionPending) {
                    // the rejection is on its way back while this frame arrives before any WELCOME
                    codes.add(ErrorCode.UNEXPECTED_FRAME);
                }
                return;
            }
            if (!helloSeen) {
                helloSeen = true;
                onFirstFrame(frame);
                return;
            }
            if (!awaitsWelcome) {
                // sent without waiting: it may arrive while the listener is still deciding about the HELLO
                codes.add(ErrorCode.UNEXPECTED_FRAME);
            }
            if (frame instanceof SampleBatch batch && !batch.checks().isEmpty()
                    && !ProtocolVersions.carriesCheckRuns(version)) {
                end(ErrorCode.UNEXPECTED_FRAME);
            } else if (frame instanceof SampleBatch batch) {
                List<String> metrics = batch.samples().stream().map(Sample::metric).toList();
                answers.add(new Prediction.BatchAnswer(batch.sequence(), FuzzListener.rejects(metrics)));
            } else if (frame instanceof Ping ping) {
                pongs.add(ping.nonce());
            } else if (!(frame instanceof Pong)) {
                end(ErrorCode.UNEXPECTED_FRAME);
            }
        }

        private void onFirstFrame(Frame frame) {
            if (!(frame instanceof Hello hello)) {
                end(ErrorCode.UNEXPECTED_FRAME);
                return;
            }
            try {
                version = ProtocolVersions.negotiate(hello.minVersion(), hello.maxVersion());
            } catch (ProtocolException e) {
                end(ErrorCode.UNSUPPORTED_VERSION);
                return;
            }
            if (!listener.admits(hello.agentId(), hello.agentKey())) {
                end(ErrorCode.AUTHENTICATION_FAILED);
                rejectionPending = true;
                return;
            }
            admitted = true;
        }

        /** A closing error is certain from here on; what follows can at most add another possible one. */
        void end(ErrorCode code) {
            codes.add(code);
            ended = true;
        }

        Prediction prediction() {
            if (!ended) {
                // nothing to refuse: the server waits for more until the handshake or idle timeout
                codes.add(ErrorCode.IDLE_TIMEOUT);
            }
            return new Prediction(Set.copyOf(codes), List.copyOf(answers), List.copyOf(pongs), admitted, !ended);
        }
    }
}

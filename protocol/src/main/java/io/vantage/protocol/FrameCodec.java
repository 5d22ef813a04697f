package io.vantage.protocol;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns frames into bytes and back. Encoding writes the whole frame with its length prefix; decoding reads
 * one frame's type and payload (the length prefix already consumed by {@link FrameDecoder} or
 * {@link FrameReader}).
 */
public final class FrameCodec {

    /** Length prefix and type byte. */
    public static final int HEADER_BYTES = 5;
    /** The largest frame either side accepts unless configured otherwise: 1 MiB. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 1 << 20;
    /** The most samples one batch may carry. */
    public static final int MAX_SAMPLES_PER_BATCH = 50_000;
    /** Magic at the start of a {@link Hello}: "VNTG". Lets the server tell a lost HTTP client from an agent. */
    public static final int HELLO_MAGIC = 0x564E5447;
    private static final int MAX_STRING_BYTES = 0xFFFF;

    private FrameCodec() {
    }

    /** The frame as bytes, length prefix first. */
    public static byte[] encode(Frame frame) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(0); // length, patched below once known
            out.writeByte(frame.type().code());
            writePayload(frame, out);
            out.flush();
            byte[] encoded = bytes.toByteArray();
            ByteBuffer.wrap(encoded).putInt(0, encoded.length - 4);
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array stream never fails
        }
    }

    private static void writePayload(Frame frame, DataOutputStream out) throws IOException {
        if (frame instanceof Hello h) {
            out.writeInt(HELLO_MAGIC);
            out.writeShort(h.minVersion());
            out.writeShort(h.maxVersion());
            writeString(out, h.agentId());
            writeString(out, h.agentKey());
            writeString(out, h.hostname());
            writeString(out, h.agentVersion());
        } else if (frame instanceof Welcome w) {
            out.writeShort(w.version());
            out.writeLong(w.lastStoredSequence());
            out.writeInt(w.heartbeatSeconds());
        } else if (frame instanceof SampleBatch b) {
            out.writeLong(b.sequence());
            out.writeInt(b.samples().size());
            for (Sample s : b.samples()) {
                writeString(out, s.metric());
                out.writeLong(s.timestampMillis());
                out.writeDouble(s.value());
            }
            if (!b.checks().isEmpty()) {
                CheckRunFrames.write(b.checks(), out);
            }
        } else if (frame instanceof Ack a) {
            out.writeLong(a.sequence());
        } else if (frame instanceof ErrorFrame e) {
            out.writeShort(e.code().code());
            writeString(out, e.message());
        } else if (frame instanceof Ping p) {
            out.writeLong(p.nonce());
        } else if (frame instanceof Pong p) {
            out.writeLong(p.nonce());
        } else if (frame instanceof Request r) {
            RequestFrames.write(r, out);
        } else if (frame instanceof Response r) {
            RequestFrames.write(r, out);
        }
    }

    static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > MAX_STRING_BYTES) {
            throw new IllegalArgumentException("string of " + utf8.length + " bytes exceeds " + MAX_STRING_BYTES);
        }
        out.writeShort(utf8.length);
        out.write(utf8);
    }

    /**
     * Reads one frame from its type byte and payload.
     *
     * @param typeCode the frame's type byte
     * @param payload  exactly the payload's bytes
     * @throws ProtocolException when the payload is not a valid frame of that type
     */
    public static Frame decode(int typeCode, ByteBuffer payload) throws ProtocolException {
        FrameType type = FrameType.of(typeCode);
        if (type == null) {
            throw malformed("unknown frame type 0x" + Integer.toHexString(typeCode));
        }
        try {
            Frame frame = decodePayload(type, payload);
            if (payload.hasRemaining()) {
                throw malformed(payload.remaining() + " bytes left over after a " + type + " frame");
            }
            return frame;
        } catch (BufferUnderflowException e) {
            throw malformed(type + " frame is shorter than its fields");
        } catch (IllegalArgumentException e) {
            // a frame's constructor refused a field the bytes held (a version 2 frame's bounds)
            throw malformed(type + " frame: " + e.getMessage());
        }
    }

    private static Frame decodePayload(FrameType type, ByteBuffer in) throws ProtocolException {
        return switch (type) {
            case HELLO -> {
                if (in.getInt() != HELLO_MAGIC) {
                    throw malformed("HELLO frame does not start with the protocol's magic");
                }
                yield new Hello(in.getShort() & 0xFFFF, in.getShort() & 0xFFFF, readString(in), readString(in),
                        readString(in), readString(in));
            }
            case WELCOME -> new Welcome(in.getShort() & 0xFFFF, in.getLong(), in.getInt());
            case BATCH -> readBatch(in);
            case BATCH_WITH_CHECKS -> {
                SampleBatch samples = readBatch(in);
                yield new SampleBatch(samples.sequence(), samples.samples(), CheckRunFrames.read(in));
            }
            case ACK -> new Ack(in.getLong());
            case ERROR -> {
                int number = in.getShort() & 0xFFFF;
                ErrorCode code = ErrorCode.of(number);
                if (code == null) {
                    throw malformed("unknown error code " + number);
                }
                yield new ErrorFrame(code, readString(in));
            }
            case PING -> new Ping(in.getLong());
            case PONG -> new Pong(in.getLong());
            case REQUEST -> RequestFrames.readRequest(in);
            case RESPONSE -> RequestFrames.readResponse(in);
        };
    }

    private static SampleBatch readBatch(ByteBuffer in) throws ProtocolException {
        long sequence = in.getLong();
        if (sequence <= 0) {
            throw malformed("batch sequence must be positive, was " + sequence);
        }
        int count = in.getInt();
        if (count <= 0 || count > MAX_SAMPLES_PER_BATCH) {
            throw malformed("batch must hold 1.." + MAX_SAMPLES_PER_BATCH + " samples, declared " + count);
        }
        // each sample takes at least 2 + 1 + 8 + 8 bytes: refuse counts the payload cannot hold before allocating
        if ((long) count * 19 > in.remaining()) {
            throw malformed("batch declares " + count + " samples but holds " + in.remaining() + " bytes");
        }
        List<Sample> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String metric = readString(in);
            long timestamp = in.getLong();
            double value = in.getDouble();
            if (!Double.isFinite(value)) {
                throw malformed("sample " + i + " (" + metric + ") has a value that is not a finite number");
            }
            samples.add(new Sample(metric, timestamp, value));
        }
        return new SampleBatch(sequence, samples);
    }

    static String readString(ByteBuffer in) throws ProtocolException {
        int length = in.getShort() & 0xFFFF;
        if (length > in.remaining()) {
            throw malformed("string of " + length + " bytes runs past the end of the frame");
        }
        ByteBuffer slice = in.slice(in.position(), length);
        in.position(in.position() + length);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(slice)
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed("string is not valid UTF-8");
        }
    }

    static ProtocolException malformed(String message) {
        return new ProtocolException(ErrorCode.MALFORMED_FRAME, message);
    }
}

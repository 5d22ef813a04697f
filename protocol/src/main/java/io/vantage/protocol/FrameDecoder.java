package io.vantage.protocol;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts frames out of a byte stream that arrives in arbitrary pieces, as a non-blocking server reads it. It holds
 * at most one frame's bytes (bounded by the maximum frame size), so a connection's memory stays bounded, and it
 * holds only what has actually arrived: a length prefix alone reserves a few KiB, not the megabyte it announces, so
 * ten thousand connections that send a prefix and stall cannot pin gigabytes. Not thread-safe: one decoder per
 * connection.
 */
public final class FrameDecoder {

    /** What a frame's buffer starts at; it doubles as bytes arrive, up to the frame's announced length. */
    static final int INITIAL_BODY_BYTES = 8 * 1024;

    private final int maxFrameBytes;
    private final ByteBuffer header = ByteBuffer.allocate(4);
    private ByteBuffer body;
    private int expected;

    /** @param maxFrameBytes the largest length prefix accepted (type byte plus payload) */
    public FrameDecoder(int maxFrameBytes) {
        if (maxFrameBytes < 16) {
            throw new IllegalArgumentException("maxFrameBytes must be at least 16, was " + maxFrameBytes);
        }
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * Consumes all of {@code in} and returns the frames it completed, in order.
     *
     * @throws ProtocolException at the first violation; the decoder is then unusable and the connection should close
     */
    public List<Frame> decode(ByteBuffer in) throws ProtocolException {
        List<Frame> frames = new ArrayList<>(2);
        while (in.hasRemaining()) {
            if (body == null) {
                copy(in, header);
                if (header.hasRemaining()) {
                    break;
                }
                int length = header.getInt(0);
                header.clear();
                if (length == 0) {
                    throw new ProtocolException(ErrorCode.MALFORMED_FRAME, "frame length 0 leaves no room for a type");
                }
                // the prefix is unsigned: 2^31 and more are lengths over any limit, not negative numbers
                if (Integer.compareUnsigned(length, maxFrameBytes) > 0) {
                    throw new ProtocolException(ErrorCode.FRAME_TOO_LARGE,
                            "frame of " + Integer.toUnsignedString(length) + " bytes exceeds the limit of " + maxFrameBytes);
                }
                expected = length;
                body = ByteBuffer.allocate(Math.min(length, INITIAL_BODY_BYTES));
            }
            fill(in);
            if (body.position() == expected) {
                body.flip();
                int type = body.get() & 0xFF;
                ByteBuffer payload = body.slice();
                body = null;
                frames.add(FrameCodec.decode(type, payload));
            }
        }
        return frames;
    }

    /** Whether part of a frame is waiting for more bytes. */
    public boolean hasPartialFrame() {
        return body != null || header.position() > 0;
    }

    private void fill(ByteBuffer in) {
        while (in.hasRemaining() && body.position() < expected) {
            if (!body.hasRemaining()) {
                ByteBuffer bigger = ByteBuffer.allocate((int) Math.min(expected, 2L * body.capacity()));
                body.flip();
                bigger.put(body);
                body = bigger;
            }
            copy(in, body);
        }
    }

    /** The bytes held for the frame being read, for tests of the memory bound. */
    int bufferedCapacity() {
        return body == null ? 0 : body.capacity();
    }

    private static void copy(ByteBuffer from, ByteBuffer to) {
        int n = Math.min(from.remaining(), to.remaining());
        to.put(to.position(), from, from.position(), n);
        to.position(to.position() + n);
        from.position(from.position() + n);
    }
}

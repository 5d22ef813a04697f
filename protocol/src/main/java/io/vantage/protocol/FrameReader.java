package io.vantage.protocol;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/** Reads whole frames from a blocking stream, as the agent does. */
public final class FrameReader {

    private final DataInputStream in;
    private final int maxFrameBytes;

    public FrameReader(InputStream in, int maxFrameBytes) {
        this.in = new DataInputStream(in);
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * Blocks until a whole frame has arrived.
     *
     * @throws EOFException      when the stream ends, even between frames
     * @throws ProtocolException when the bytes are not a valid frame
     */
    public Frame read() throws IOException, ProtocolException {
        int length = in.readInt();
        // the prefix is unsigned: 2^31 and more are lengths over any limit, not negative numbers
        if (length == 0 || Integer.compareUnsigned(length, maxFrameBytes) > 0) {
            throw new ProtocolException(length == 0 ? ErrorCode.MALFORMED_FRAME : ErrorCode.FRAME_TOO_LARGE,
                    "frame length " + Integer.toUnsignedString(length) + " outside 1.." + maxFrameBytes);
        }
        byte[] frame = new byte[length];
        in.readFully(frame);
        return FrameCodec.decode(frame[0] & 0xFF, ByteBuffer.wrap(frame, 1, length - 1).slice());
    }
}

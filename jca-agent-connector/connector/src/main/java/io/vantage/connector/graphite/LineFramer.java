package io.vantage.connector.graphite;

import java.nio.ByteBuffer;

/**
 * Cuts one connection's bytes into lines ending in {@code \n} or {@code \r\n}. Holds at most one partial line, in a
 * buffer of {@code maxLineBytes} (plus one for a {@code \r}); a longer line or a NUL byte ends the connection,
 * because neither is a Graphite sender that lost its way but something that is not speaking the protocol at all.
 */
final class LineFramer {

    /** Receives each complete line; the bytes are only valid during the call. */
    @FunctionalInterface
    interface LineSink {
        void line(byte[] bytes, int length) throws FatalInputException;
    }

    private final int maxLineBytes;
    private final byte[] line;
    private int length;

    LineFramer(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
        // one more than the limit so a line of exactly maxLineBytes can still be followed by its \r
        this.line = new byte[maxLineBytes + 1];
    }

    /** Hands every line completed by {@code bytes} to {@code sink}, keeping a partial last line for later. */
    void feed(ByteBuffer bytes, LineSink sink) throws FatalInputException {
        while (bytes.hasRemaining()) {
            byte b = bytes.get();
            if (b == '\n') {
                int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
                length = 0;
                if (end > maxLineBytes) {
                    throw new FatalInputException("line longer than " + maxLineBytes + " bytes");
                }
                sink.line(line, end);
            } else if (b == 0) {
                throw new FatalInputException("binary data (a NUL byte) is not Graphite's plaintext protocol");
            } else if (length == line.length || length == maxLineBytes && b != '\r') {
                // fails at the first byte too many, not at the line end, which may never come
                throw new FatalInputException("line longer than " + maxLineBytes + " bytes");
            } else {
                line[length++] = b;
            }
        }
    }

    /** Bytes of a line begun and not ended. */
    int pending() {
        return length;
    }

    void discard() {
        length = 0;
    }
}

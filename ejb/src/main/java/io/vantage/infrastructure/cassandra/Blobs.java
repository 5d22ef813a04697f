package io.vantage.infrastructure.cassandra;

import java.nio.ByteBuffer;

/** Blob columns as byte arrays. */
final class Blobs {

    private Blobs() {
    }

    /** The buffer's remaining bytes, copied; the buffer itself is left as it was. */
    static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}

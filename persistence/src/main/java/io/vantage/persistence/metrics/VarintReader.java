package io.vantage.persistence.metrics;

/**
 * Reads what {@link VarintWriter} wrote, within bounds: anything that would read past the end, or a length or count
 * that cannot fit in what is left, is an {@link IllegalArgumentException}, never an allocation of what a corrupt
 * blob announces.
 */
final class VarintReader {

    private final byte[] bytes;
    private final int end;
    private int position;

    VarintReader(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    VarintReader(byte[] bytes, int from, int end) {
        this.bytes = bytes;
        this.position = from;
        this.end = end;
    }

    int remaining() {
        return end - position;
    }

    int readByte() {
        need(1);
        return bytes[position++] & 0xFF;
    }

    long readVarint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint longer than 10 bytes at " + position);
    }

    /** A count or length: at most what is left to read, as every counted item takes at least a byte. */
    int readCount() {
        long value = readVarint();
        if (value < 0 || value > remaining()) {
            throw new IllegalArgumentException("count " + value + " exceeds the " + remaining() + " bytes left");
        }
        return (int) value;
    }

    long readZigzag() {
        long raw = readVarint();
        return (raw >>> 1) ^ -(raw & 1);
    }

    long readLong() {
        need(8);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[position++] & 0xFF);
        }
        return value;
    }

    /** Skips {@code length} bytes; returns where they start. */
    int skip(int length) {
        need(length);
        int at = position;
        position += length;
        return at;
    }

    private void need(int length) {
        if (length < 0 || length > end - position) {
            throw new IllegalArgumentException("truncated: " + length + " bytes needed at " + position + ", "
                    + (end - position) + " left");
        }
    }
}

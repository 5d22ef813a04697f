package io.vantage.connector.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes big-endian protocol fields into a growing byte array without any validation, so a test can build the
 * frames {@link io.vantage.protocol.FrameCodec} refuses to write: lying lengths, invalid UTF-8, absurd counts.
 */
public final class Bytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

    public Bytes u8(int value) {
        out.write(value);
        return this;
    }

    public Bytes u16(int value) {
        return u8(value >>> 8).u8(value);
    }

    public Bytes u32(int value) {
        return u16(value >>> 16).u16(value);
    }

    public Bytes i64(long value) {
        return u32((int) (value >>> 32)).u32((int) value);
    }

    public Bytes f64(double value) {
        return i64(Double.doubleToRawLongBits(value));
    }

    public Bytes raw(byte[] bytes) {
        out.write(bytes, 0, bytes.length);
        return this;
    }

    /** A protocol string: a u16 byte count (truncated to 16 bits, as a liar would) and the bytes as given. */
    public Bytes string(byte[] bytes) {
        return u16(bytes.length).raw(bytes);
    }

    public Bytes string(String value) {
        return string(value.getBytes(StandardCharsets.UTF_8));
    }

    public int size() {
        return out.size();
    }

    public byte[] toArray() {
        return out.toByteArray();
    }

    /** A whole frame: an honest length prefix, the type byte and the payload. */
    public static byte[] frame(int type, byte[] payload) {
        return new Bytes().u32(payload.length + 1).u8(type).raw(payload).toArray();
    }

    public static byte[] concat(byte[]... parts) {
        Bytes all = new Bytes();
        for (byte[] part : parts) {
            all.raw(part);
        }
        return all.toArray();
    }
}

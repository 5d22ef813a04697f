package io.vantage.protocol;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Writes fields as the protocol lays them out, right or wrong, and frames them. */
final class Wire {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);

    Wire u8(int value) throws IOException {
        out.writeByte(value);
        return this;
    }

    Wire u16(int value) throws IOException {
        out.writeShort(value);
        return this;
    }

    Wire u32(long value) throws IOException {
        out.writeInt((int) value);
        return this;
    }

    Wire i64(long value) throws IOException {
        out.writeLong(value);
        return this;
    }

    Wire f64(double value) throws IOException {
        out.writeDouble(value);
        return this;
    }

    Wire string(String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeShort(utf8.length);
        out.write(utf8);
        return this;
    }

    byte[] frame(FrameType type) {
        byte[] payload = bytes.toByteArray();
        return ByteBuffer.allocate(5 + payload.length).putInt(1 + payload.length).put((byte) type.code())
                .put(payload).array();
    }
}

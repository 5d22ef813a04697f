package io.vantage.protocol;

/** The type byte of each frame, and which side may send it. */
public enum FrameType {
    HELLO(0x01),
    WELCOME(0x02),
    BATCH(0x03),
    ACK(0x04),
    ERROR(0x05),
    PING(0x06),
    PONG(0x07);

    private final int code;

    FrameType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The frame type for a type byte, or {@code null} when the byte names none. */
    public static FrameType of(int code) {
        for (FrameType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }
}

package io.vantage.protocol;

/** The type byte of each frame; PROTOCOL.md says which side sends it and from which version on. */
public enum FrameType {
    HELLO(0x01),
    WELCOME(0x02),
    BATCH(0x03),
    ACK(0x04),
    ERROR(0x05),
    PING(0x06),
    PONG(0x07),
    /** Version 2 on: the server asks a connected agent for something (see {@link Request}). */
    REQUEST(0x08),
    /** Version 2 on: the agent's answer to one {@link Request}. */
    RESPONSE(0x09),
    /**
     * Version 2 on: a {@link SampleBatch} that also carries the runs of the agent's external checks, status texts
     * included; numbered, acknowledged and resent exactly as a {@link #BATCH}.
     */
    BATCH_WITH_CHECKS(0x0A);

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

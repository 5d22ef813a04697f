package io.vantage.protocol;

/** The reasons the server gives in an {@link ErrorFrame}. */
public enum ErrorCode {
    /** The bytes are not a frame of this protocol. */
    MALFORMED_FRAME(1, true),
    /** A frame declared a length over the limit. */
    FRAME_TOO_LARGE(2, true),
    /** No protocol version is spoken by both sides. */
    UNSUPPORTED_VERSION(3, true),
    /** The agent id and key do not match an enabled agent. */
    AUTHENTICATION_FAILED(4, true),
    /** A valid frame arrived at the wrong time, for example a batch before the handshake. */
    UNEXPECTED_FRAME(5, true),
    /** The batch was not stored; the agent keeps it and sends it again later. */
    BATCH_NOT_STORED(6, false),
    /** The connection showed no life for longer than the heartbeat allows. */
    IDLE_TIMEOUT(7, true),
    /** The batch is well formed but its content is not acceptable (names, values); it will never be stored. */
    BATCH_REJECTED(8, false);

    private final int code;
    private final boolean closesConnection;

    ErrorCode(int code, boolean closesConnection) {
        this.code = code;
        this.closesConnection = closesConnection;
    }

    public int code() {
        return code;
    }

    /** Whether the server closes the connection after sending this error. */
    public boolean closesConnection() {
        return closesConnection;
    }

    /** The error code for a number read off the wire, or {@code null} when it names none. */
    public static ErrorCode of(int code) {
        for (ErrorCode value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        return null;
    }
}

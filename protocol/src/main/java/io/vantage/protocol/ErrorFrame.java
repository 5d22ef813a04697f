package io.vantage.protocol;

import java.util.Objects;

/**
 * Why the server refuses something. After an error with a {@link ErrorCode#closesConnection() closing} code the
 * server closes the connection.
 *
 * @param code    what went wrong
 * @param message a sentence for the operator who reads the agent's log
 */
public record ErrorFrame(ErrorCode code, String message) implements Frame {

    public ErrorFrame {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public FrameType type() {
        return FrameType.ERROR;
    }
}

package io.vantage.protocol;

/**
 * The answer to a {@link Ping}.
 *
 * @param nonce the nonce of the ping answered
 */
public record Pong(long nonce) implements Frame {

    @Override
    public FrameType type() {
        return FrameType.PONG;
    }
}

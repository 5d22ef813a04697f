package io.vantage.protocol;

/**
 * A heartbeat; the other side answers with a {@link Pong} carrying the same nonce.
 *
 * @param nonce any number, echoed back
 */
public record Ping(long nonce) implements Frame {

    @Override
    public FrameType type() {
        return FrameType.PING;
    }
}

package io.vantage.protocol;

/**
 * The server's answer to a valid {@link Hello}.
 *
 * @param version              the protocol version both sides now speak
 * @param lastStoredSequence   the highest batch sequence the server already holds for this agent (0 when none),
 *                             so the agent can drop what it need not resend
 * @param heartbeatSeconds     how often the agent must show life (a batch or a ping) before the server closes
 *                             the connection as idle
 */
public record Welcome(int version, long lastStoredSequence, int heartbeatSeconds) implements Frame {

    @Override
    public FrameType type() {
        return FrameType.WELCOME;
    }
}

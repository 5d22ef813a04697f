package io.vantage.protocol;

/**
 * The server holds the batch with this sequence durably; the agent may forget it.
 *
 * @param sequence the acknowledged batch's sequence
 */
public record Ack(long sequence) implements Frame {

    @Override
    public FrameType type() {
        return FrameType.ACK;
    }
}

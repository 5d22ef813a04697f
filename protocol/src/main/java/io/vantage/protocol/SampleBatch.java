package io.vantage.protocol;

import java.util.List;

/**
 * Samples the agent sends together. The sequence numbers an agent's batches in the order it made them;
 * the server acknowledges each sequence once the batch is stored durably.
 *
 * @param sequence a positive number, increasing by one per batch for the life of the agent's spool
 * @param samples  the samples, at least one
 */
public record SampleBatch(long sequence, List<Sample> samples) implements Frame {

    public SampleBatch {
        samples = List.copyOf(samples);
    }

    @Override
    public FrameType type() {
        return FrameType.BATCH;
    }
}

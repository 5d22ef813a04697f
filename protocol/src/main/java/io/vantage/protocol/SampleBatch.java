package io.vantage.protocol;

import java.util.List;

/**
 * Samples the agent sends together, and from protocol version 2 on the check runs they came from. The sequence
 * numbers an agent's batches in the order it made them; the server acknowledges each sequence once the batch, check
 * runs included, is stored durably.
 *
 * @param sequence a positive number, increasing by one per batch for the life of the agent's spool
 * @param samples  the samples, at least one
 * @param checks   the external check runs whose {@code check.<name>.*} samples the batch holds, with their status
 *                 texts; at most {@value CheckRun#MAX_PER_BATCH}, empty for a plain {@link FrameType#BATCH}
 */
public record SampleBatch(long sequence, List<Sample> samples, List<CheckRun> checks) implements Frame {

    public SampleBatch {
        samples = List.copyOf(samples);
        checks = List.copyOf(checks);
        if (checks.size() > CheckRun.MAX_PER_BATCH) {
            throw new IllegalArgumentException(checks.size() + " check runs, at most " + CheckRun.MAX_PER_BATCH);
        }
    }

    /** A batch of samples alone, as version 1 knows it. */
    public SampleBatch(long sequence, List<Sample> samples) {
        this(sequence, samples, List.of());
    }

    /** The same batch without its check runs, for a connection that cannot carry them (version 1). */
    public SampleBatch withoutChecks() {
        return checks.isEmpty() ? this : new SampleBatch(sequence, samples);
    }

    /** {@link FrameType#BATCH}, or {@link FrameType#BATCH_WITH_CHECKS} when it carries check runs. */
    @Override
    public FrameType type() {
        return checks.isEmpty() ? FrameType.BATCH : FrameType.BATCH_WITH_CHECKS;
    }
}

package io.vantage.agent.spool;

import io.vantage.agent.log.AgentLog;
import io.vantage.protocol.SampleBatch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Batches the disk spool could not write (disk full, read-only file system), kept in memory so that they are still
 * sent while the disk is unusable. Bounded by count because they take heap, which the agent has little of.
 */
final class UnwrittenBatches {

    static final int MAX_BATCHES = 256;

    private final NavigableMap<Long, SampleBatch> batches = new TreeMap<>();
    private boolean failing;

    void keep(SampleBatch batch, Path file, IOException error) {
        if (!failing) {
            failing = true;
            AgentLog.spoolWriteFailed(file.toString(), error.toString());
        }
        batches.put(batch.sequence(), batch);
    }

    /** A write succeeded again. */
    void written() {
        if (failing) {
            failing = false;
            AgentLog.spoolWritesRecovered();
        }
    }

    /** The oldest batch beyond the bound, forgotten here, for the spool to drop; {@link Spool#NONE} when within it. */
    long dropOldestBeyondBound() {
        return batches.size() > MAX_BATCHES ? batches.pollFirstEntry().getKey() : Spool.NONE;
    }

    SampleBatch get(long sequence) {
        return batches.get(sequence);
    }

    SampleBatch remove(long sequence) {
        return batches.remove(sequence);
    }
}

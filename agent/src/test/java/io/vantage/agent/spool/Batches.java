package io.vantage.agent.spool;

import io.vantage.protocol.Sample;
import io.vantage.protocol.SampleBatch;
import java.util.List;

/** Small batches for spool tests. */
final class Batches {

    private Batches() {
    }

    static SampleBatch batch(long sequence) {
        return new SampleBatch(sequence, List.of(new Sample("test.value", 1_700_000_000_000L + sequence, sequence)));
    }
}

package io.vantage.connector.testing;

import java.util.ArrayList;
import java.util.List;

import io.vantage.protocol.CheckRun;
import io.vantage.protocol.Sample;
import io.vantage.protocol.SampleBatch;

/** Batches an agent would send. */
public final class Batches {

    private Batches() {
    }

    /** A small batch with a couple of samples. */
    public static SampleBatch small(long sequence) {
        return new SampleBatch(sequence, List.of(new Sample("cpu.user", 1_700_000_000_000L + sequence, 12.5),
                new Sample("mem.used", 1_700_000_000_000L + sequence, 2048)));
    }

    /** A version 2 batch with the run of check {@code disk}, its status text and its status sample. */
    public static SampleBatch withDiskCheck(long sequence, int status, String text) {
        long time = 1_700_000_000_000L + sequence;
        return new SampleBatch(sequence, List.of(new Sample("check.disk.status", time, status),
                new Sample("cpu.user", time, 12.5)), List.of(new CheckRun("disk", status, text, time, 42)));
    }

    /** A batch of {@code samples} samples named {@code m.x}, 21 bytes each on the wire. */
    public static SampleBatch ofSize(long sequence, int samples) {
        List<Sample> list = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            list.add(new Sample("m.x", 1_700_000_000_000L + i, i));
        }
        return new SampleBatch(sequence, list);
    }
}

package io.vantage.agent.collect;

import java.util.function.LongSupplier;

/** A monotonic clock for rate tests that moves only when told. */
final class FakeClock implements LongSupplier {

    private long nanos = 1_000_000_000L;

    @Override
    public long getAsLong() {
        return nanos;
    }

    void advanceSeconds(long seconds) {
        nanos += seconds * 1_000_000_000L;
    }
}

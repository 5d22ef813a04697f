package io.vantage.agent.collect;

import io.vantage.protocol.CheckRun;
import io.vantage.protocol.Sample;
import java.io.IOException;
import java.util.List;

/** One source of metrics on the monitored machine, read once per collection tick by the agent's single sender thread. */
public interface Collector {

    /** A short name for logs, for example {@code cpu}. */
    String name();

    /**
     * Adds this source's current samples to {@code into}. A source that needs two readings (rates, percentages)
     * adds nothing the first time.
     *
     * @param timestampMillis the time every sample of this tick carries
     * @throws IOException when the source cannot be read; the tick goes on without its samples
     */
    void collect(long timestampMillis, List<Sample> into) throws IOException;

    /**
     * As {@link #collect(long, List)}, for a source whose samples come with words: the external checks add the run
     * each of their {@code check.<name>.*} samples comes from, status text included, so that both travel in one batch.
     * Other sources add only samples.
     */
    default void collect(long timestampMillis, List<Sample> into, List<CheckRun> checksInto) throws IOException {
        collect(timestampMillis, into);
    }
}

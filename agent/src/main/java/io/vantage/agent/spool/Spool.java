package io.vantage.agent.spool;

import io.vantage.protocol.SampleBatch;

/**
 * The batches the server has not acknowledged yet, by sequence. Bounded: when full, appending drops the oldest
 * batches with a counted warning, because fresh samples are worth more than old ones after a long outage.
 * Implementations are not thread-safe; the agent's outbox serialises every call.
 */
public interface Spool extends AutoCloseable {

    /** What {@link #nextAfter} and {@link #lastSequence} return when there is no such batch. */
    long NONE = 0;

    /** Keeps a batch whose sequence is higher than every one held, dropping the oldest when over the bound. */
    void append(SampleBatch batch);

    /** The lowest sequence held that is greater than {@code sequence}, or {@link #NONE}. */
    long nextAfter(long sequence);

    /** The batch with this sequence, or {@code null} when it is no longer held (or could not be read back). */
    SampleBatch read(long sequence);

    /** Forgets the batch, for example once acknowledged; {@code false} when it was not held. */
    boolean remove(long sequence);

    /** Forgets every batch up to and including {@code sequence}; returns how many. */
    int removeThrough(long sequence);

    /** How many batches are held. */
    int size();

    /** The highest sequence held, or {@link #NONE}. */
    long lastSequence();

    /** How many batches were dropped to stay within the bound since the spool was opened. */
    long droppedCount();

    /** Where batches are kept and the bound, for the start-up log line. */
    String describe();

    /** Releases what the spool holds open. Batches on disk stay for the next start. */
    @Override
    void close();
}

package io.vantage.agent.spool;

import io.vantage.agent.log.AgentLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Hands out batch sequence numbers, which must keep increasing across restarts because the server drops a batch
 * whose sequence it already holds. With a spool directory the last sequence used is persisted in a small state
 * file; without one, sequences start from the current time in milliseconds, which grows faster than an agent
 * making at most one batch a second can use numbers. Used by the agent's sender thread only.
 */
public final class SequenceCounter {

    /** The state file's name inside the spool directory. */
    public static final String STATE_FILE = "sequence";

    private final Path stateFile;
    private long last;
    private boolean persistFailing;

    private SequenceCounter(Path stateFile, long last) {
        this.stateFile = stateFile;
        this.last = last;
    }

    /** Sequences starting at {@code nowMillis}, not persisted. */
    public static SequenceCounter startingAt(long nowMillis) {
        return new SequenceCounter(null, Math.max(0, nowMillis - 1));
    }

    /**
     * Sequences following the one persisted in {@code directory}, or starting at {@code nowMillis} on the first run.
     *
     * @param atLeast a sequence already in use (the highest spooled batch), never handed out again
     * @throws IOException when the state file exists but cannot be read
     */
    public static SequenceCounter persistedIn(Path directory, long atLeast, long nowMillis) throws IOException {
        Path file = directory.resolve(STATE_FILE);
        long last;
        if (Files.exists(file)) {
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            try {
                last = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IOException("sequence state file " + file + " holds '" + text + "', not a number");
            }
        } else {
            last = nowMillis - 1; // as without a spool, so moving to a spool never makes sequences go back
        }
        return new SequenceCounter(file, Math.max(last, atLeast));
    }

    /** The next sequence, persisted before it is returned so that no restart can hand it out again. */
    public long next() {
        last++;
        persist();
        return last;
    }

    /** The last sequence handed out (or the one before the first). */
    public long last() {
        return last;
    }

    /**
     * Makes the next sequence greater than {@code sequence}, the highest the server already holds: a lost or
     * restored state file must not make the server drop new batches as already stored.
     */
    public void advancePast(long sequence) {
        if (sequence > last) {
            AgentLog.sequenceAdvanced(last + 1, sequence + 1);
            last = sequence;
            persist();
        }
    }

    private void persist() {
        if (stateFile == null) {
            return;
        }
        try {
            AtomicFiles.write(stateFile, Long.toString(last).getBytes(StandardCharsets.US_ASCII));
            persistFailing = false;
        } catch (IOException e) {
            if (!persistFailing) {
                persistFailing = true;
                AgentLog.sequenceNotPersisted(stateFile.toString(), e.toString());
            }
        }
    }
}

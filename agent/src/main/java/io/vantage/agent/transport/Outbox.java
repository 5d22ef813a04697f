package io.vantage.agent.transport;

import io.vantage.agent.log.AgentLog;
import io.vantage.agent.spool.Spool;
import io.vantage.protocol.Response;
import io.vantage.protocol.SampleBatch;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Decides which batch the sender writes next and tracks what the server still owes an answer for. Batches stay in
 * the spool until acknowledged; after a reconnect every one of them is sent again, oldest first, before newer
 * ones. The server answers the batches of a connection in the order sent, so an error frame, which carries no
 * sequence, belongs to the oldest batch still unanswered.
 * <p>
 * It also holds what the sender owes the server besides batches: pongs, and responses to the server's requests.
 * <p>
 * Shared by the sender thread, the reader thread and the diagnostics worker: every method holds this object's
 * monitor, which is also what the sender waits on between ticks.
 */
public final class Outbox {

    /** Answers owed for pings; a server pinging faster than the agent answers gets only the latest few. */
    private static final int MAX_PONGS_DUE = 8;
    /** Responses waiting to be written; the agent answers only a few requests at a time, so this never fills. */
    private static final int MAX_RESPONSES_DUE = 16;

    private final Spool spool;
    private final int maxInFlight;
    private final long notStoredRetryNanos;
    private final ArrayDeque<Long> inFlight = new ArrayDeque<>();
    private final ArrayDeque<Long> pongsDue = new ArrayDeque<>();
    private final ArrayDeque<Response> responsesDue = new ArrayDeque<>();
    private Link link;
    private long sentThrough;
    private boolean storageFailing;
    private boolean holding;
    private long holdUntilNanos;
    private boolean signalled;

    public Outbox(Spool spool, TransportSettings settings) {
        this.spool = spool;
        this.maxInFlight = settings.maxInFlight();
        this.notStoredRetryNanos = settings.notStoredRetryDelay().toNanos();
    }

    /** Keeps a new batch until the server acknowledges it. */
    public synchronized void add(SampleBatch batch) {
        spool.append(batch);
    }

    /**
     * Starts sending on a new connection, from the oldest batch the server does not hold yet.
     *
     * @return how many spooled batches the server already held and were dropped
     */
    public synchronized int linkStarted(Link started, long lastStoredSequence) {
        link = started;
        inFlight.clear();
        pongsDue.clear();
        responsesDue.clear();
        sentThrough = 0;
        storageFailing = false;
        holding = false;
        return spool.removeThrough(lastStoredSequence);
    }

    /** Stops matching answers to batches sent on {@code ended}. */
    public synchronized void linkEnded(Link ended) {
        if (link == ended) {
            link = null;
            inFlight.clear();
            pongsDue.clear();
            responsesDue.clear();
        }
    }

    /** The server holds the batch; it need never be sent again, whichever connection it came by. */
    public synchronized void acknowledged(long sequence) {
        inFlight.remove(sequence);
        spool.remove(sequence);
        if (storageFailing) {
            storageFailing = false;
            AgentLog.storageRecovered();
        }
        wake();
    }

    /** The server could not store the oldest unanswered batch: keep it and send it again after a pause. */
    public synchronized void notStored(Link from, String message) {
        Long sequence = from == link ? inFlight.pollFirst() : null;
        if (sequence == null) {
            return;
        }
        sentThrough = Math.min(sentThrough, sequence - 1);
        holding = true;
        holdUntilNanos = System.nanoTime() + notStoredRetryNanos;
        if (!storageFailing) {
            storageFailing = true;
            AgentLog.storageFailing(sequence, message, TimeUnit.NANOSECONDS.toMillis(notStoredRetryNanos));
        }
        wake();
    }

    /** The server will never store the oldest unanswered batch: drop it. */
    public synchronized void rejected(Link from, String message) {
        Long sequence = from == link ? inFlight.pollFirst() : null;
        if (sequence != null) {
            spool.remove(sequence);
            AgentLog.batchRejected(sequence, message);
            wake();
        }
    }

    /** The server pinged; the sender answers, so that the reader never blocks on a write. */
    public synchronized void pongDue(Link from, long nonce) {
        if (from == link) {
            if (pongsDue.size() == MAX_PONGS_DUE) {
                pongsDue.pollFirst();
            }
            pongsDue.addLast(nonce);
            wake();
        }
    }

    /**
     * A request of the server's is answered; the sender writes the response. A response for a connection that has
     * ended is dropped: request ids belong to their connection, and the server gave up on them when it closed.
     */
    public synchronized void responseDue(Link from, Response response) {
        if (from == link && responsesDue.size() < MAX_RESPONSES_DUE) {
            responsesDue.addLast(response);
            wake();
        }
    }

    /** A response to write, or {@code null}. */
    public synchronized Response nextResponse() {
        return responsesDue.pollFirst();
    }

    /** The nonce of a ping to answer, or {@code null}. */
    public synchronized Long nextPong() {
        return pongsDue.pollFirst();
    }

    /**
     * The next batch to write on the current connection, counted as sent; {@code null} when there is none, too
     * many await an answer, or sending is held back after a storage failure.
     */
    public synchronized SampleBatch nextToSend() {
        if (link == null) {
            return null;
        }
        if (holding) {
            if (System.nanoTime() - holdUntilNanos < 0) {
                return null;
            }
            holding = false;
        }
        // while the server cannot store, one batch at a time probes it instead of a whole window failing
        if (inFlight.size() >= (storageFailing ? 1 : maxInFlight)) {
            return null;
        }
        for (long sequence = spool.nextAfter(sentThrough); sequence != Spool.NONE;
             sequence = spool.nextAfter(sequence)) {
            if (!inFlight.contains(sequence)) {
                SampleBatch batch = spool.read(sequence);
                if (batch != null) {
                    sentThrough = sequence;
                    inFlight.addLast(sequence);
                    return batch;
                }
            }
        }
        return null;
    }

    /** How many batches the server has not acknowledged. */
    public synchronized int unacknowledged() {
        return spool.size();
    }

    /**
     * Waits until {@code deadlineNanos} (of {@link System#nanoTime()}), until held-back batches may be sent again,
     * or until woken by an answer from the server, a lost connection or a stop.
     */
    public synchronized void await(long deadlineNanos) throws InterruptedException {
        long deadline = holding && link != null && holdUntilNanos - deadlineNanos < 0 ? holdUntilNanos : deadlineNanos;
        while (!signalled) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, remaining);
        }
        signalled = false;
    }

    /** Ends the sender's current {@link #await}, or the next one if it is not waiting. */
    public synchronized void wake() {
        signalled = true;
        notifyAll();
    }
}

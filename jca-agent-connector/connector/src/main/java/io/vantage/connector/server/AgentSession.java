package io.vantage.connector.server;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;

import io.vantage.connector.api.AgentAdmission;
import io.vantage.connector.api.AgentCredentials;
import io.vantage.connector.logging.ConnectorLogger;
import io.vantage.connector.logging.RequestLogger;
import io.vantage.protocol.Ack;
import io.vantage.protocol.ErrorCode;
import io.vantage.protocol.ErrorFrame;
import io.vantage.protocol.Frame;
import io.vantage.protocol.Hello;
import io.vantage.protocol.Ping;
import io.vantage.protocol.Pong;
import io.vantage.protocol.ProtocolException;
import io.vantage.protocol.ProtocolVersions;
import io.vantage.protocol.Response;
import io.vantage.protocol.SampleBatch;
import io.vantage.protocol.Welcome;

/**
 * The agent protocol for one connection: HELLO, admission by the application, WELCOME, then batches answered in
 * the order they arrived. Batches are delivered one at a time, so the application sees an agent's batches in the
 * order the agent sent them. On a version 2 connection the application's requests go out beside them, and the
 * agent's responses come back to {@link PendingRequests}. An admission or a batch whose outcome has not come back
 * long after any call would have ended closes the connection, so that the agent reconnects and resends rather than
 * wait forever. Runs on the selector thread only, but for its pending requests.
 */
final class AgentSession {

    private enum State { AWAITING_HELLO, ADMITTING, ADMITTED }

    private static final int MAX_REASON_CHARS = 500;
    /** Pause before asking again about a HELLO the application could not take (busy, or not deployed yet). */
    private static final long ADMISSION_RETRY_NANOS = 250_000_000L;

    private final AgentConnection connection;
    private final ListenerCalls calls;
    private final AgentServerSettings settings;
    private final ServerCounters counters;
    private final AgentRequestRouter router;
    private final PendingRequests requests = new PendingRequests();
    /** Batches received and not yet answered, oldest first; the head is the one with the application. */
    private final ArrayDeque<Received> unanswered = new ArrayDeque<>();
    private State state = State.AWAITING_HELLO;
    private Hello hello;
    private AgentCredentials credentials;
    /** When the application was first asked about this HELLO. */
    private long admittingSince;
    /** When to ask again after the application could not take the HELLO; 0 when no retry is due. */
    private long admissionRetryAt;
    private int version;
    private String agentId;
    private boolean delivering;
    /**
     * The lowest sequence answered BATCH_NOT_STORED and not stored since, 0 when none. Later batches are refused
     * until it is stored, so what is stored of an agent never skips a batch: WELCOME's lastStoredSequence would
     * otherwise let the agent drop a batch that was never stored.
     */
    private long firstUnstored;

    AgentSession(AgentConnection connection, ListenerCalls calls, AgentServerSettings settings,
                 ServerCounters counters, AgentRequestRouter router) {
        this.connection = connection;
        this.calls = calls;
        this.settings = settings;
        this.counters = counters;
        this.router = router;
    }

    void onFrame(Frame frame) {
        if (frame instanceof Hello h && state == State.AWAITING_HELLO) {
            onHello(h);
        } else if (frame instanceof SampleBatch batch && state == State.ADMITTED
                && (batch.checks().isEmpty() || ProtocolVersions.carriesCheckRuns(version))) {
            counters.batchesReceived.incrementAndGet();
            unanswered.add(new Received(batch, System.nanoTime()));
            deliverNext();
        } else if (frame instanceof Ping ping && state == State.ADMITTED) {
            connection.send(new Pong(ping.nonce()));
        } else if (frame instanceof Response response && state == State.ADMITTED
                && ProtocolVersions.carriesRequests(version)) {
            onResponse(response);
        } else if (!(frame instanceof Pong && state == State.ADMITTED)) {
            // a pong only shows life; anything else here is out of turn
            violation(new ErrorFrame(ErrorCode.UNEXPECTED_FRAME, frame.type() + " is not expected " + when()
                    + (state == State.ADMITTED ? " on a version " + version + " connection" : "")));
        }
    }

    /** The requests waiting for this agent's answers; any thread may open one. */
    PendingRequests requests() {
        return requests;
    }

    /**
     * The connection is closing or has closed: the agent's requests fail and it is no longer reachable through this
     * connection. Called once for an error the agent is left to read, and again when the socket closes.
     */
    void closed(String why) {
        if (agentId != null) {
            router.closed(agentId, connection);
        }
        requests.close(why);
    }

    /** Whether the connection should read more: not while its batches use up the in-flight allowance. */
    boolean wantsInput() {
        return unanswered.size() < settings.maxBatchesInFlightPerConnection();
    }

    boolean awaitingHello() {
        return state == State.AWAITING_HELLO;
    }

    /**
     * The agent owes a frame only while the server owes it nothing: time spent waiting on the application is not
     * the agent's idleness.
     */
    boolean idleClockRunning() {
        return state == State.ADMITTED && unanswered.isEmpty();
    }

    private void onHello(Hello h) {
        try {
            version = ProtocolVersions.negotiate(h.minVersion(), h.maxVersion());
        } catch (ProtocolException e) {
            violation(e.toFrame());
            return;
        }
        hello = h;
        state = State.ADMITTING;
        credentials = new AgentCredentials(h.agentId(), h.agentKey(), h.hostname(), h.agentVersion(),
                connection.remoteAddress());
        admittingSince = System.nanoTime();
        calls.admit(credentials, connection, this::onAdmission);
    }

    /**
     * Asks again about a HELLO the application could not take, and closes the connection when an admission or the
     * oldest unanswered batch has waited for its outcome past its limit. Called from the connection's periodic tick.
     */
    void tick(long now) {
        if (state == State.ADMITTING) {
            long waited = now - admittingSince;
            if (waited >= settings.admissionTimeout().toNanos()) {
                ConnectorLogger.admissionOutcomeLost(hello.agentId(), connection.remoteAddress(),
                        Duration.ofNanos(waited));
                connection.closeNow("no outcome for the admission");
            } else if (admissionRetryAt != 0 && now - admissionRetryAt >= 0) {
                admissionRetryAt = 0;
                calls.admit(credentials, connection, this::onAdmission);
            }
        } else if (!unanswered.isEmpty() && now - unanswered.peek().at() >= settings.deliveryTimeout().toNanos()) {
            Received oldest = unanswered.peek();
            ConnectorLogger.deliveryOutcomeLost(oldest.batch().sequence(), agentId, connection.remoteAddress(),
                    Duration.ofNanos(now - oldest.at()), unanswered.size());
            connection.closeNow("no outcome for batch " + oldest.batch().sequence());
        }
    }

    private void onAdmission(AdmissionOutcome outcome) {
        if (outcome.admission() != null) {
            AgentAdmission admission = outcome.admission();
            agentId = admission.agentId() != null ? admission.agentId() : hello.agentId();
            state = State.ADMITTED;
            // reachable before the WELCOME leaves, so that a request made as soon as the agent is welcomed finds it
            router.admitted(agentId, connection, this, version);
            connection.send(new Welcome(version, admission.lastStoredSequence(), settings.heartbeatSeconds()));
            connection.answered();
            ConnectorLogger.agentAdmitted(agentId, hello.hostname(), connection.remoteAddress(),
                    admission.lastStoredSequence());
        } else if (outcome.rejection() != null) {
            ConnectorLogger.agentRejected(hello.agentId(), connection.remoteAddress(), outcome.rejection());
            connection.fail(new ErrorFrame(ErrorCode.AUTHENTICATION_FAILED, truncate(outcome.rejection())));
        } else if (outcome.failure() instanceof RejectedExecutionException && !handshakeOver(System.nanoTime())) {
            // busy or not deployed yet: the agent keeps waiting for its WELCOME rather than reconnecting, which after
            // a restart, when every agent says hello at once, would only add to the crowd
            admissionRetryAt = System.nanoTime() + ADMISSION_RETRY_NANOS;
        } else {
            // the protocol has no "try later" code for a hello: dropping the connection makes the agent reconnect
            ConnectorLogger.admissionFailed(hello.agentId(), connection.remoteAddress(), outcome.failure());
            connection.closeNow("admission failed");
        }
    }

    private void onResponse(Response response) {
        PendingRequests.Outcome outcome = requests.answered(response);
        if (outcome == PendingRequests.Outcome.NEVER_ASKED) {
            violation(new ErrorFrame(ErrorCode.UNEXPECTED_FRAME, "RESPONSE to request " + response.requestId()
                    + ", which was never sent on this connection"));
        } else if (outcome == PendingRequests.Outcome.LATE) {
            RequestLogger.lateResponse(agentId, response.requestId());
        } else if (outcome == PendingRequests.Outcome.REFUSED) {
            RequestLogger.answerRefused(agentId, response.requestId());
        }
    }

    private void deliverNext() {
        while (!delivering && !unanswered.isEmpty()) {
            SampleBatch next = unanswered.peek().batch();
            if (firstUnstored != 0 && next.sequence() > firstUnstored) {
                unanswered.poll();
                answer(next, DeliveryOutcome.notStored("batch " + firstUnstored + " must be stored first"));
                continue;
            }
            delivering = true;
            calls.deliver(BatchColumns.toAgentBatch(agentId, hello.hostname(), next), connection, this::onDelivered);
        }
    }

    private void onDelivered(DeliveryOutcome outcome) {
        delivering = false;
        answer(unanswered.poll().batch(), outcome);
        connection.answered();
        deliverNext();
    }

    private void answer(SampleBatch batch, DeliveryOutcome outcome) {
        long sequence = batch.sequence();
        if (outcome.kind() == DeliveryOutcome.Kind.NOT_STORED) {
            if (firstUnstored == 0 || sequence < firstUnstored) {
                firstUnstored = sequence;
            }
            ConnectorLogger.batchNotStored(sequence, agentId, outcome.reason());
            // the reason may describe the server's insides, so the agent gets a plain sentence
            connection.send(new ErrorFrame(ErrorCode.BATCH_NOT_STORED, "batch " + sequence
                    + " was not stored; send it again later"));
            return;
        }
        if (sequence == firstUnstored) {
            firstUnstored = 0;
        }
        if (outcome.kind() == DeliveryOutcome.Kind.REJECTED) {
            ConnectorLogger.batchRejected(sequence, agentId, outcome.reason());
            connection.send(new ErrorFrame(ErrorCode.BATCH_REJECTED, truncate("batch " + sequence + " rejected: "
                    + outcome.reason())));
        } else {
            counters.batchesAcknowledged.incrementAndGet();
            connection.send(new Ack(sequence));
        }
    }

    private boolean handshakeOver(long now) {
        return now - admittingSince >= settings.handshakeTimeout().toNanos();
    }

    private String when() {
        if (state == State.AWAITING_HELLO) {
            return "before HELLO";
        }
        return state == State.ADMITTING ? "before WELCOME" : "from an admitted agent";
    }

    private void violation(ErrorFrame error) {
        ConnectorLogger.protocolViolation(connection.remoteAddress(), error.code(), error.message());
        connection.fail(error);
    }

    private static String truncate(String reason) {
        return reason.length() <= MAX_REASON_CHARS ? reason : reason.substring(0, MAX_REASON_CHARS) + "...";
    }

    /** A batch waiting for its answer, and when it arrived ({@link System#nanoTime}). */
    private record Received(SampleBatch batch, long at) {
    }
}

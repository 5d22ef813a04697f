package io.vantage.connector.server;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

import io.vantage.connector.api.AgentRequestException;
import io.vantage.connector.api.AgentRequestException.Reason;
import io.vantage.connector.nio.SelectorLoop;
import io.vantage.protocol.ProtocolVersions;
import io.vantage.protocol.Request;
import io.vantage.protocol.Response;

/**
 * Sends the application's requests to agents connected to this listener and brings their responses back. Knows
 * which connection each admitted agent is on (the newest, when an agent reconnects before its old connection is
 * seen to close) and which protocol version it speaks. Any thread may send; the frame goes out on the selector
 * thread.
 */
public final class AgentRequestRouter {

    /** A pending answer is held until its timeout, so a caller cannot make one wait longer than this. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

    private final Map<String, Admitted> byAgent = new ConcurrentHashMap<>();
    private volatile SelectorLoop<AgentConnection> loop;

    /**
     * Asks an agent something.
     *
     * @param agentId the agent, by the id it was admitted with
     * @param build   makes the request, given the id its connection numbers it with
     * @param timeout after which the answer fails with {@link Reason#TIMED_OUT}: positive, and cut to
     *                {@link #MAX_TIMEOUT}
     * @return the agent's response, or a failure with an {@link AgentRequestException}; never a stage that stays open
     */
    public CompletableFuture<Response> send(String agentId, LongFunction<Request> build, Duration timeout) {
        Objects.requireNonNull(build, "build");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        Duration bounded = timeout.compareTo(MAX_TIMEOUT) > 0 ? MAX_TIMEOUT : timeout;
        Admitted admitted = agentId == null ? null : byAgent.get(agentId);
        SelectorLoop<AgentConnection> running = loop;
        if (admitted == null || running == null) {
            return refused(Reason.NOT_CONNECTED, "agent " + agentId + " is not connected to this server");
        }
        if (!ProtocolVersions.carriesRequests(admitted.version())) {
            return refused(Reason.PROTOCOL_TOO_OLD, "agent " + agentId + " speaks protocol version "
                    + admitted.version() + ", which carries no requests; upgrade the agent");
        }
        PendingRequests.Opened opened = admitted.session().requests().open(build, bounded);
        if (opened.request() != null) {
            running.runOnSelector(admitted.connection(), () -> admitted.connection().send(opened.request()));
        }
        return opened.answer();
    }

    /** Whether an agent is connected here, for the application to decide whether to look elsewhere. */
    public boolean isConnected(String agentId) {
        return byAgent.containsKey(agentId);
    }

    void started(SelectorLoop<AgentConnection> started) {
        loop = started;
    }

    /** An agent was admitted on {@code connection}; runs on the selector thread. */
    void admitted(String agentId, AgentConnection connection, AgentSession session, int version) {
        byAgent.put(agentId, new Admitted(connection, session, version));
    }

    /** An admitted agent's connection closed; its entry goes unless a newer connection replaced it. */
    void closed(String agentId, AgentConnection connection) {
        byAgent.computeIfPresent(agentId, (id, admitted) -> admitted.connection() == connection ? null : admitted);
    }

    private static CompletableFuture<Response> refused(Reason reason, String message) {
        return CompletableFuture.failedFuture(new AgentRequestException(reason, message));
    }

    /** Where an admitted agent is and what it speaks. */
    private record Admitted(AgentConnection connection, AgentSession session, int version) {
    }
}

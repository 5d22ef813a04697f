package io.vantage.connector.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import io.vantage.connector.api.AgentRequestException;
import io.vantage.connector.api.AgentRequestException.Reason;
import io.vantage.protocol.ProcessTable;
import io.vantage.protocol.Request;
import io.vantage.protocol.RequestKinds;
import io.vantage.protocol.Response;

/**
 * The requests of one connection that await the agent's answer. Requests are opened on the application's threads
 * and answered on the selector thread, so this one piece of a connection is thread-safe. Each request's answer
 * completes exactly once: with the agent's response, or with an {@link AgentRequestException} when the timeout
 * passes or the connection closes first. Ids number the connection's requests from 1 and are never reused, which
 * tells a late answer (ignored) from an answer to nothing ever asked (a protocol violation).
 */
final class PendingRequests {

    /** Requests one connection carries at once; the agent itself works on one at a time. */
    static final int MAX_OUTSTANDING = 8;

    /** What became of a response from the agent. */
    enum Outcome {
        /** The answer its request waited for. */
        DELIVERED,
        /** An answer that does not fit its request (another kind, too many entries): the request fails. */
        REFUSED,
        /** An answer to a request no longer waiting (timed out, or answered before): ignored. */
        LATE,
        /** An answer to an id never sent on this connection: a protocol violation. */
        NEVER_ASKED
    }

    private final AtomicLong lastId = new AtomicLong();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private volatile String closedBecause;

    /**
     * Opens a request; the caller then sends the returned request on the selector thread.
     *
     * @param build   makes the request, given its id
     * @param timeout after which the answer fails with {@link Reason#TIMED_OUT}
     */
    Opened open(LongFunction<Request> build, Duration timeout) {
        if (pending.size() >= MAX_OUTSTANDING) {
            return Opened.refused(new AgentRequestException(Reason.BUSY, "the agent's connection already carries "
                    + MAX_OUTSTANDING + " requests"));
        }
        Request request = build.apply(lastId.incrementAndGet());
        CompletableFuture<Response> answer = new CompletableFuture<>();
        long id = request.requestId();
        pending.put(id, new Pending(request, answer));
        answer.whenComplete((response, failure) -> pending.remove(id));
        CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS, Runnable::run)
                .execute(() -> answer.completeExceptionally(new AgentRequestException(Reason.TIMED_OUT,
                        "the agent did not answer within " + timeout.toMillis() + " ms")));
        String closed = closedBecause;
        if (closed != null) {
            // closed while this was being opened: close() may not have seen it
            answer.completeExceptionally(lost(closed));
        }
        return new Opened(request, answer);
    }

    /** Hands a response to the request it answers. Runs on the selector thread. */
    Outcome answered(Response response) {
        if (response.requestId() > lastId.get()) {
            return Outcome.NEVER_ASKED;
        }
        Pending asked = pending.remove(response.requestId());
        if (asked == null) {
            return Outcome.LATE;
        }
        String wrong = mismatch(asked.request(), response);
        if (wrong != null) {
            asked.answer().completeExceptionally(new AgentRequestException(Reason.FAILED, wrong));
            return Outcome.REFUSED;
        }
        asked.answer().complete(response);
        return Outcome.DELIVERED;
    }

    /** The connection closed: every request still waiting fails. Runs on the selector thread. */
    void close(String why) {
        closedBecause = why;
        for (Pending asked : pending.values()) {
            asked.answer().completeExceptionally(lost(why));
        }
    }

    /** Why a response does not answer its request, or {@code null} when it does. */
    private static String mismatch(Request request, Response response) {
        if (!request.kind().equals(response.kind())) {
            return "the agent answered a " + request.kind() + " request as " + response.kind();
        }
        if (response.body() instanceof ProcessTable table) {
            int limit = Integer.parseInt(request.argument(RequestKinds.LIMIT,
                    Integer.toString(RequestKinds.DEFAULT_LIMIT)));
            if (table.entries().size() > limit) {
                return "the agent listed " + table.entries().size() + " processes, asked for " + limit;
            }
        }
        return null;
    }

    private static AgentRequestException lost(String why) {
        return new AgentRequestException(Reason.CONNECTION_LOST, "the agent's connection closed before it answered ("
                + why + ")");
    }

    /** A request and the answer its caller waits on. */
    private record Pending(Request request, CompletableFuture<Response> answer) {
    }

    /**
     * An opened request: the frame to send and the answer to wait on; or, refused, no frame and a failed answer.
     */
    record Opened(Request request, CompletableFuture<Response> answer) {

        static Opened refused(AgentRequestException why) {
            return new Opened(null, CompletableFuture.failedFuture(why));
        }
    }
}

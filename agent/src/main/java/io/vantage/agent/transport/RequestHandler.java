package io.vantage.agent.transport;

import io.vantage.protocol.Request;
import io.vantage.protocol.Response;
import java.util.function.Consumer;

/**
 * Answers the server's requests (protocol version 2). Called on a connection's reader thread, so it must return at
 * once and do its work elsewhere; {@code reply} may be called from any thread, exactly once per request, and only
 * queues the response for the sender thread.
 */
@FunctionalInterface
public interface RequestHandler {

    /** Refuses every request as unsupported: for embeddings and tests that answer none. */
    RequestHandler NONE = (request, reply) -> reply.accept(Response.failed(request,
            io.vantage.protocol.ResponseStatus.UNSUPPORTED, "this agent answers no requests"));

    void handle(Request request, Consumer<Response> reply);
}

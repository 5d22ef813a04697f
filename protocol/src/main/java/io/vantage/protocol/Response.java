package io.vantage.protocol;

import java.util.Objects;

/**
 * An agent's answer to one {@link Request}, from protocol version 2 on.
 *
 * @param requestId the id of the request answered
 * @param status    whether it was done
 * @param kind      the request's kind, repeated so that the body can be read without the request at hand
 * @param message   why it was not done, for the operator; empty when OK
 * @param body      the answer for an OK status, {@code null} otherwise
 */
public record Response(long requestId, ResponseStatus status, String kind, String message, ResponseBody body)
        implements Frame {

    public Response {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        if (requestId < 1 || requestId > Request.MAX_REQUEST_ID) {
            throw new IllegalArgumentException("request id must be 1.." + Request.MAX_REQUEST_ID + ", was " + requestId);
        }
        if ((status == ResponseStatus.OK) != (body != null)) {
            throw new IllegalArgumentException("a body comes with an OK status and only with it");
        }
        if (status == ResponseStatus.OK && !message.isEmpty()) {
            throw new IllegalArgumentException("an OK response carries no message");
        }
        if (body != null && !body.kind().equals(kind)) {
            throw new IllegalArgumentException("a " + body.kind() + " body does not answer a " + kind + " request");
        }
    }

    /** The answer to {@code request}, done. */
    public static Response ok(Request request, ResponseBody body) {
        return new Response(request.requestId(), ResponseStatus.OK, request.kind(), "", body);
    }

    /** {@code request} could not be done, and why. */
    public static Response failed(Request request, ResponseStatus status, String message) {
        return new Response(request.requestId(), status, request.kind(), message, null);
    }

    @Override
    public FrameType type() {
        return FrameType.RESPONSE;
    }
}

package io.vantage.web.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns failures into {@link ApiError} bodies, so every error a client sees is JSON with a clear message. */
public final class ApiExceptionMappers {

    private ApiExceptionMappers() {
    }

    static Response error(Response.Status status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(status.getStatusCode(), code, message)).build();
    }

    /** Bad parameters or bodies: 400. */
    @Provider
    public static class BadRequest implements ExceptionMapper<IllegalArgumentException> {
        @Override
        public Response toResponse(IllegalArgumentException e) {
            return error(Response.Status.BAD_REQUEST, "bad_request", e.getMessage());
        }
    }

    /**
     * Anything unexpected: 500, still as JSON, with a reference to the server log instead of the exception's text
     * (which may say more about the server than a caller should see).
     */
    @Provider
    public static class Unexpected implements ExceptionMapper<Exception> {
        private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger("io.vantage.api");

        @Override
        public Response toResponse(Exception e) {
            String reference = java.util.UUID.randomUUID().toString().substring(0, 8);
            LOG.errorf(e, "VANTAGE-API-0001: request failed unexpectedly (reference %s)", reference);
            return error(Response.Status.INTERNAL_SERVER_ERROR, "internal_error",
                    "the server could not complete the request; the server log has the details under reference "
                            + reference);
        }
    }

    /** Ids that name nothing the caller may see: 404, the same for another organization's ids. */
    @Provider
    public static class UnknownId implements ExceptionMapper<io.vantage.UnknownIdException> {
        @Override
        public Response toResponse(io.vantage.UnknownIdException e) {
            return error(Response.Status.NOT_FOUND, "not_found", e.getMessage());
        }
    }

    /** Clashes with what exists (a name taken): 409. */
    @Provider
    public static class Conflict implements ExceptionMapper<io.vantage.ConflictException> {
        @Override
        public Response toResponse(io.vantage.ConflictException e) {
            return error(Response.Status.CONFLICT, "conflict", e.getMessage());
        }
    }

    /** JAX-RS's own errors (404, 405, 415...), with their status kept. */
    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
            if (status == null) {
                status = Response.Status.BAD_REQUEST;
            }
            Response.ResponseBuilder response = Response.fromResponse(error(status,
                    status.name().toLowerCase(java.util.Locale.ROOT), e.getMessage()));
            String challenge = e.getResponse().getHeaderString("WWW-Authenticate");
            if (challenge != null) {
                response.header("WWW-Authenticate", challenge);
            }
            return response.build();
        }
    }
}

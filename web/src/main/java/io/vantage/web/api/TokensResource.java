package io.vantage.web.api;

import io.vantage.persistence.security.ApiToken;
import io.vantage.security.ApiTokens;
import io.vantage.security.Caller;
import io.vantage.security.IssuedToken;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** The caller's API tokens. A new token's secret is in the creation response only. */
@Path("/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokensResource {

    @Inject
    Caller caller;

    @Inject
    ApiTokens tokens;

    /**
     * The body of a token request.
     *
     * @param name what the token is for, such as {@code ci} or {@code laptop}
     */
    public record NewToken(String name) {
    }

    /**
     * A token as listed (never with its secret).
     *
     * @param id         the token's id
     * @param name       its name
     * @param prefix     the first characters of its secret, to recognise it
     * @param createdAt  when it was issued
     * @param lastUsedAt when it was last used, or null
     * @param revokedAt  when it was revoked, or null
     */
    public record TokenJson(long id, String name, String prefix, String createdAt, String lastUsedAt,
                            String revokedAt) {

        static TokenJson of(ApiToken token) {
            return new TokenJson(token.getId(), token.getName(), token.getTokenPrefix(),
                    NodeJson.iso(token.getCreatedAt()), NodeJson.iso(token.getLastUsedAt()),
                    NodeJson.iso(token.getRevokedAt()));
        }
    }

    /**
     * A token just issued.
     *
     * @param id        the token's id
     * @param name      its name
     * @param token     the secret to send as {@code Authorization: Bearer <token>}; shown only now
     * @param createdAt when it was issued
     */
    public record IssuedTokenJson(long id, String name, String token, String createdAt) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(NewToken request) {
        String name = request == null || request.name() == null ? "" : request.name().trim();
        if (name.isEmpty() || name.length() > 100) {
            throw new IllegalArgumentException("a token needs a name of 1 to 100 characters");
        }
        IssuedToken issued = tokens.issue(caller, name);
        return Response.created(URI.create("tokens/" + issued.id()))
                .entity(new IssuedTokenJson(issued.id(), issued.name(), issued.secret(), issued.createdAt().toString()))
                .build();
    }

    @GET
    public List<TokenJson> list() {
        return tokens.list(caller).stream().map(TokenJson::of).toList();
    }

    @DELETE
    @Path("/{id}")
    public Response revoke(@PathParam("id") long id) {
        tokens.revoke(caller, id).orElseThrow(() -> new NotFoundException("no token " + id));
        return Response.noContent().build();
    }
}

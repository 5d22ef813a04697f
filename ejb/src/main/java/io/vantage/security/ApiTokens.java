package io.vantage.security;

import io.vantage.persistence.security.ApiToken;
import io.vantage.persistence.security.ApiTokenRepository;
import io.vantage.persistence.security.User;
import io.vantage.persistence.security.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Issues, lists and revokes a user's API tokens. The secret is shown once, when issued, and never stored. */
@Stateless
public class ApiTokens {

    /** Marks Vantage tokens so secret scanners and people can recognise them. */
    static final String PREFIX = "vt_";

    @Inject
    ApiTokenRepository tokens;

    @Inject
    UserRepository users;

    @Inject
    Clock clock;

    /** A new token acting as the caller. */
    public IssuedToken issue(Caller caller, String name) {
        User user = users.find(caller.userId()).orElseThrow(() -> new IllegalStateException("caller has no user"));
        String secret = Secrets.newSecret(PREFIX);
        ApiToken token = tokens.add(new ApiToken(user, name, secret.substring(0, 10), Secrets.hash(secret),
                clock.instant()));
        return new IssuedToken(token.getId(), name, secret, token.getCreatedAt());
    }

    /** The caller's own tokens, revoked ones included. */
    public List<ApiToken> list(Caller caller) {
        return tokens.findByUser(caller.userId());
    }

    /** Revokes one of the caller's tokens (an admin may revoke any of the organization's); empty when none. */
    public Optional<ApiToken> revoke(Caller caller, long tokenId) {
        Optional<ApiToken> token = tokens.find(caller.organizationId(), tokenId)
                .filter(t -> caller.isAdmin() || t.getUser().getId() == caller.userId());
        token.ifPresent(t -> t.revoke(clock.instant()));
        return token;
    }
}

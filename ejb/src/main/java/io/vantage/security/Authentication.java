package io.vantage.security;

import io.vantage.persistence.security.ApiToken;
import io.vantage.persistence.security.ApiTokenRepository;
import io.vantage.persistence.security.User;
import io.vantage.persistence.security.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Checks the credentials people present: a username and password, or an API token. */
@Stateless
public class Authentication {

    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    @Inject
    UserRepository users;

    @Inject
    ApiTokenRepository tokens;

    @Inject
    Clock clock;

    /** The caller for a username and password, if they match an enabled user. */
    public Optional<Caller> withPassword(String username, String password) {
        return users.findByUsername(username)
                .filter(User::isEnabled)
                .filter(user -> PasswordHasher.matches(password, user.getPasswordHash()))
                .map(Authentication::callerOf);
    }

    /** The caller an API token acts as, if it is a live token of an enabled user. */
    public Optional<Caller> withToken(String token) {
        Optional<ApiToken> found = tokens.findByHash(Secrets.hash(token))
                .filter(t -> !t.isRevoked() && t.getUser().isEnabled());
        Instant now = clock.instant();
        // "last used" to the minute is enough, and saves a database write on every API call
        found.filter(t -> t.getLastUsedAt() == null || t.getLastUsedAt().isBefore(now.minus(LAST_USED_PRECISION)))
                .ifPresent(t -> t.usedAt(now));
        return found.map(t -> callerOf(t.getUser()));
    }

    /** The caller for a user already authenticated in this session, as the console needs it. */
    public Optional<Caller> byUsername(String username) {
        return users.findByUsername(username).filter(User::isEnabled).map(Authentication::callerOf);
    }

    static Caller callerOf(User user) {
        return new Caller(user.getId(), user.getOrganization().getId(), user.getUsername(), user.getRole());
    }
}

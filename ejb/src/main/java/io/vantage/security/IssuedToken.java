package io.vantage.security;

import java.time.Instant;

/**
 * A token just issued, with its secret: the only moment the secret is known to Vantage.
 *
 * @param id        the token's id, for listing and revoking
 * @param name      what the user called it
 * @param secret    the bearer secret
 * @param createdAt when it was issued
 */
public record IssuedToken(long id, String name, String secret, Instant createdAt) {
}

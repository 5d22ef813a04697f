package io.vantage.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CredentialHashingTest {

    @Test
    void a_password_matches_its_own_hash_only() {
        String hash = PasswordHasher.hash("correct horse");
        assertTrue(PasswordHasher.matches("correct horse", hash));
        assertFalse(PasswordHasher.matches("correct hors", hash));
    }

    @Test
    void the_same_password_hashes_differently_each_time() {
        assertNotEquals(PasswordHasher.hash("same"), PasswordHasher.hash("same"));
    }

    @Test
    void a_malformed_stored_hash_matches_nothing() {
        assertFalse(PasswordHasher.matches("x", "plain"));
        assertFalse(PasswordHasher.matches("x", "pbkdf2-sha256$abc$###$###"));
    }

    @Test
    void a_secret_matches_its_stored_hash_and_carries_its_prefix() {
        String secret = Secrets.newSecret("vt_");
        assertTrue(secret.startsWith("vt_"));
        assertTrue(Secrets.matches(secret, Secrets.hash(secret)));
        assertFalse(Secrets.matches(secret + "x", Secrets.hash(secret)));
    }
}

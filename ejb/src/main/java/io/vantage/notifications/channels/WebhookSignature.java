package io.vantage.notifications.channels;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature that proves a webhook request came from Vantage and was not altered: HMAC-SHA256 of the request
 * body, keyed with the channel's secret.
 *
 * <p>Header: {@code X-Vantage-Signature: sha256=<64 lowercase hex digits>}. To verify, a receiver:
 * <ol>
 *   <li>reads the raw request body as bytes, before any JSON parsing (re-serialising changes the bytes);</li>
 *   <li>computes HMAC-SHA256 over those bytes with the secret's UTF-8 bytes as the key, and hex-encodes it;</li>
 *   <li>compares {@code "sha256=" + hex} with the header in constant time (e.g. {@code hmac.compare_digest} in
 *       Python, {@code MessageDigest.isEqual} in Java, {@code crypto.timingSafeEqual} in Node), and rejects the
 *       request when the header is missing or differs;</li>
 *   <li>drops a request whose {@code id} it has already processed: the signature covers the id, so a replayed
 *       request is recognised as a duplicate.</li>
 * </ol>
 * For example, in a shell: {@code printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$SECRET"}.
 */
public final class WebhookSignature {

    /** The request header that carries the signature. */
    public static final String HEADER = "X-Vantage-Signature";

    private WebhookSignature() {
    }

    /** The header value for {@code body} signed with {@code secret}: {@code sha256=<hex>}. */
    public static String sign(byte[] body, String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a signature needs a secret");
        }
        try {
            // every Java runtime has HmacSHA256; a Mac is not thread-safe, so one per call
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this Java runtime", e);
        }
    }
}

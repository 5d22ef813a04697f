package io.vantage.notifications.channels;

import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Delivers notices as JSON ({@link NoticeJson}) in an HTTP POST to a receiver's URL.
 *
 * <p>Each request carries {@code Content-Type: application/json}, {@code User-Agent: Vantage/<version>} and
 * {@code X-Vantage-Notification: <notice id>}; receivers should drop a notice whose id they have already seen,
 * because a delivery whose response was lost is sent again. With a secret, it also carries
 * {@code X-Vantage-Signature: sha256=<hex>}: see {@link WebhookSignature} for how receivers verify it.
 *
 * <p>A 2xx response means delivered. 408, 425, 429, 5xx, timeouts and connection failures are retryable, with the
 * receiver's {@code Retry-After} (seconds or an HTTP date, capped at {@link #MAX_RETRY_AFTER}) passed on. Any other
 * status, redirects included (the client decides whether to follow them), is a permanent failure: the channel's
 * definition needs fixing. Details name the receiver's host only, because webhook URLs often embed a token.
 */
public final class WebhookChannel {

    /** The longest wait a receiver's Retry-After can impose: an alert delivered much later is of little use. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(15);

    private static final String USER_AGENT = "Vantage/" + Objects.requireNonNullElse(
            WebhookChannel.class.getPackage().getImplementationVersion(), "dev");
    private static final int MAX_URL_LENGTH = 2048;

    private final HttpClient client;
    private final Duration timeout;

    /**
     * @param client  the client to send with; its connect timeout, proxy, TLS and redirect settings apply
     * @param timeout the most one delivery may take, connecting and reading the response included
     */
    public WebhookChannel(HttpClient client, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, not " + timeout);
        }
        this.timeout = timeout;
    }

    /**
     * Checks that a webhook URL can be delivered to: absolute http or https, with a host, without credentials; for
     * the REST API to refuse a bad channel definition before any alert needs it.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static URI validateUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("a webhook URL is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new IllegalArgumentException("a webhook URL may be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: " + e.getReason() + " at index " + e.getIndex(), e);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("a webhook URL must start with http:// or https://"
                    + (scheme == null ? "" : ", not " + Text.abbreviate(scheme, 20) + ":"));
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("a webhook URL needs a valid host name (letters, digits, '-' and dots) "
                    + "or IP address");
        }
        if (uri.getRawUserInfo() != null) {
            // they would be silently dropped by the HTTP client and shown wherever the URL is
            throw new IllegalArgumentException("a webhook URL must not hold a user name or password; give the "
                    + "channel a secret and have the receiver check the signature");
        }
        return uri;
    }

    /**
     * POSTs the notice to {@code url}, signed when {@code secret} is set (null or empty: unsigned). Never throws for
     * a delivery problem, and returns within the timeout.
     */
    public DeliveryResult send(AlertNotice notice, URI url, String secret) {
        Objects.requireNonNull(notice, "notice");
        long start = System.nanoTime();
        URI target;
        try {
            target = validateUrl(url == null ? null : url.toString());
        } catch (IllegalArgumentException e) {
            return DeliveryResult.permanent(null, e.getMessage(), since(start));
        }
        byte[] body = NoticeJson.toJson(notice).getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("X-Vantage-Notification", notice.id())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (secret != null && !secret.isEmpty()) {
            request.header(WebhookSignature.HEADER, WebhookSignature.sign(body, secret));
        }
        String host = target.getPort() < 0 ? target.getHost() : target.getHost() + ":" + target.getPort();
        CompletableFuture<HttpResponse<String>> pending = null;
        try {
            pending = client.sendAsync(request.build(), ResponseSnippet.handler());
            // the request timeout only covers waiting for the headers; this bounds the body and a slow connect too
            HttpResponse<String> response = pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return WebhookResponses.classify(response.statusCode(), response.headers(), response.body(), host,
                    since(start));
        } catch (TimeoutException e) {
            pending.cancel(true);
            return timedOut(host, start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the caller is shutting down; leave the flag for it
            pending.cancel(true);
            return DeliveryResult.retryable(null, "interrupted while delivering to " + host, since(start), null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpTimeoutException) {
                return timedOut(host, start);
            }
            String what = cause instanceof ConnectException ? "could not connect to " : "delivery failed to ";
            return DeliveryResult.retryable(null, what + host + ": " + Text.describe(cause), since(start), null);
        } catch (RuntimeException e) {
            // the client refused the request itself; retried rather than lose the notice to a client quirk
            return DeliveryResult.retryable(null, "delivery failed to " + host + ": " + Text.describe(e),
                    since(start), null);
        }
    }

    private DeliveryResult timedOut(String host, long start) {
        return DeliveryResult.retryable(null, "no response from " + host + " within " + timeout.toMillis() + " ms",
                since(start), null);
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    // keeps only the start of a response body: enough to show an error message, never a receiver's whole page
    private static final class ResponseSnippet {

        private static final int LIMIT = 1024;

        static HttpResponse.BodyHandler<String> handler() {
            return info -> {
                ByteArrayOutputStream kept = new ByteArrayOutputStream();
                return HttpResponse.BodySubscribers.mapping(
                        HttpResponse.BodySubscribers.ofByteArrayConsumer(chunk -> chunk.ifPresent(bytes -> {
                            int room = LIMIT - kept.size();
                            if (room > 0) {
                                kept.write(bytes, 0, Math.min(room, bytes.length));
                            }
                        })),
                        done -> kept.toString(StandardCharsets.UTF_8));
            };
        }
    }
}

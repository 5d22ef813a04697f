package io.vantage.checks.remote;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects at most a given number of body bytes as text and then stops reading, so that a check against a huge or
 * endless response neither fills the heap nor waits for the end. The JDK's own string subscriber has no limit.
 */
final class CappedBodySubscriber implements BodySubscriber<String> {

    private final int limit;
    private final Charset charset;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<String> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private CappedBodySubscriber(int limit, Charset charset) {
        this.limit = limit;
        this.charset = charset;
    }

    /** A handler decoding with the response's charset, or UTF-8 when it names none or an unknown one. */
    static BodyHandler<String> handler(int limit) {
        return info -> new CappedBodySubscriber(limit,
                charsetOf(info.headers().firstValue("Content-Type").orElse("")));
    }

    @Override
    public CompletionStage<String> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        // signals are serial (reactive streams rule 1.3), so no locking; items may still arrive after cancel
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            int take = Math.min(buffer.remaining(), limit - bytes.size());
            byte[] chunk = new byte[take];
            buffer.get(chunk);
            bytes.write(chunk, 0, take);
            if (bytes.size() >= limit) {
                subscription.cancel();
                complete();
                return;
            }
        }
    }

    @Override
    public void onError(Throwable error) {
        body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        complete();
    }

    private void complete() {
        body.complete(new String(bytes.toByteArray(), charset));
    }

    private static Charset charsetOf(String contentType) {
        for (String parameter : contentType.split(";")) {
            String trimmed = parameter.trim();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                try {
                    return Charset.forName(trimmed.substring(8).replace("\"", "").trim());
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8; // an unknown charset should not fail the check
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}

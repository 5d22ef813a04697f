package io.vantage.checks.remote;

import java.net.http.HttpClient;
import java.net.http.HttpClient.Redirect;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Requests a URL with GET, like Nagios' {@code check_http}, and judges the status code, optionally the body, and for
 * https the leaf certificate's remaining validity. CRITICAL on connection failure, timeout, an unexpected status, a
 * body without the regex, or a certificate that is expired, untrusted, for another host or expiring sooner than
 * {@link HttpCheckSettings#certificateCritical()}; WARNING when it expires sooner than
 * {@link HttpCheckSettings#certificateWarning()}; else OK. Metrics {@value RemoteCheckMetrics#HTTP_UP},
 * {@value RemoteCheckMetrics#HTTP_STATUS}, {@value RemoteCheckMetrics#HTTP_RESPONSE_MS},
 * {@value RemoteCheckMetrics#HTTP_BODY_MATCH} and {@value RemoteCheckMetrics#HTTP_CERT_DAYS_LEFT}.
 *
 * <p>Certificates are verified against the JVM's default trust store, host name included. With
 * {@link HttpCheckSettings#verifyCertificate()} false, any certificate is accepted and the host name is not
 * compared with it, so that self-signed internal hosts can be checked and their expiry measured; only this check's
 * connections are affected (see {@code TrustAllCertificates}). No proxy is used.
 *
 * <p>Each instance keeps one {@link HttpClient}, and so may reuse a kept-alive connection on its next run; such a run
 * measures no connection set-up and sees the certificate the server presented when that connection was opened.
 */
public final class HttpCheck implements RemoteCheck {

    /** Bytes of body read at most; the regex is applied to these. */
    public static final int BODY_LIMIT = 1 << 20;
    // the request's own timeout normally fires first; this bounds a body that trickles in after the headers
    private static final Duration GRACE = Duration.ofMillis(250);
    private static final double DAY_MILLIS = 86_400_000.0;

    private final HttpCheckSettings settings;
    private final HttpClient client;

    public HttpCheck(HttpCheckSettings settings) {
        this(settings, null);
    }

    /** With a TLS context to verify certificates with instead of the JVM's default, for tests. */
    HttpCheck(HttpCheckSettings settings, SSLContext verifyingContext) {
        this.settings = Objects.requireNonNull(settings, "settings");
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade attempt, which some old servers mishandle
                .connectTimeout(settings.timeout())
                .followRedirects(settings.followRedirects() ? Redirect.NORMAL : Redirect.NEVER);
        if (!settings.verifyCertificate()) {
            builder.sslContext(TrustAllCertificates.context());
        } else if (verifyingContext != null) {
            builder.sslContext(verifyingContext);
        }
        this.client = builder.build();
    }

    @Override
    public CheckOutcome run() {
        long start = System.nanoTime();
        try {
            return exchange(start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return outcome(CheckStatus.UNKNOWN, start, "interrupted", new LinkedHashMap<>());
        } catch (RuntimeException e) {
            // run() must not throw; a failure of the client itself is reported, not propagated
            return outcome(CheckStatus.UNKNOWN, start, "check failed: " + e, new LinkedHashMap<>());
        }
    }

    private CheckOutcome exchange(long start) throws InterruptedException {
        long deadline = start + settings.timeout().plus(GRACE).toNanos();
        HttpRequest request = HttpRequest.newBuilder(settings.uri()).timeout(settings.timeout())
                .header("User-Agent", "Vantage-RemoteCheck").GET().build();
        CompletableFuture<HttpResponse<String>> pending =
                client.sendAsync(request, CappedBodySubscriber.handler(BODY_LIMIT));
        HttpResponse<String> response;
        try {
            response = pending.get(settings.timeout().plus(GRACE).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            return outcome(CheckStatus.CRITICAL, start, "no response within " + settings.timeout().toMillis() + " ms",
                    new LinkedHashMap<>());
        } catch (ExecutionException e) {
            return outcome(CheckStatus.CRITICAL, start,
                    HttpFailures.describe(e.getCause(), settings.uri().getHost(), settings.timeout()),
                    new LinkedHashMap<>());
        }
        return judge(response, Timing.millisSince(start), start, deadline);
    }

    private CheckOutcome judge(HttpResponse<String> response, double millis, long start, long deadline) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(RemoteCheckMetrics.HTTP_STATUS, (double) response.statusCode());
        metrics.put(RemoteCheckMetrics.HTTP_RESPONSE_MS, millis);
        List<String> critical = new ArrayList<>();
        List<String> warning = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (response.statusCode() < settings.minStatus() || response.statusCode() > settings.maxStatus()) {
            critical.add("expected status " + settings.minStatus() + "-" + settings.maxStatus());
        }
        if (settings.bodyPattern().isPresent()) {
            Pattern pattern = settings.bodyPattern().get();
            boolean found;
            try {
                found = pattern.matcher(new DeadlineCharSequence(response.body(), deadline)).find();
            } catch (DeadlineCharSequence.DeadlineExceeded e) {
                return outcome(CheckStatus.UNKNOWN, start, "body regex /" + CheckArguments.shorten(pattern.pattern())
                        + "/ did not finish within the timeout", metrics);
            }
            metrics.put(RemoteCheckMetrics.HTTP_BODY_MATCH, Timing.flag(found));
            if (!found) {
                critical.add("body does not match /" + CheckArguments.shorten(pattern.pattern()) + "/");
            }
        }
        if (settings.isHttps()) {
            Optional<X509Certificate> leaf = response.sslSession().flatMap(HttpCheck::leafCertificate);
            leaf.ifPresent(certificate -> judgeCertificate(certificate, metrics, critical, warning, notes));
        }
        CheckStatus status = !critical.isEmpty() ? CheckStatus.CRITICAL
                : !warning.isEmpty() ? CheckStatus.WARNING : CheckStatus.OK;
        StringBuilder text = new StringBuilder(HttpStatusTexts.describe(response.statusCode())).append(" in ")
                .append(Timing.ms(millis));
        for (List<String> findings : List.of(critical, warning, notes)) {
            findings.forEach(finding -> text.append(", ").append(finding));
        }
        return outcome(status, start, text.toString(), metrics);
    }

    private void judgeCertificate(X509Certificate certificate, Map<String, Double> metrics, List<String> critical,
            List<String> warning, List<String> notes) {
        long now = System.currentTimeMillis();
        double daysLeft = (certificate.getNotAfter().getTime() - now) / DAY_MILLIS;
        metrics.put(RemoteCheckMetrics.HTTP_CERT_DAYS_LEFT, daysLeft);
        double criticalDays = settings.certificateCritical().toMillis() / DAY_MILLIS;
        double warningDays = settings.certificateWarning().toMillis() / DAY_MILLIS;
        if (certificate.getNotBefore().getTime() > now) {
            critical.add("certificate not valid before " + certificate.getNotBefore().toInstant());
        }
        if (daysLeft < 0) {
            critical.add("certificate expired " + days(-daysLeft) + " ago");
        } else if (daysLeft < criticalDays) {
            critical.add("certificate expires in " + days(daysLeft));
        } else if (daysLeft < warningDays) {
            warning.add("certificate expires in " + days(daysLeft));
        } else {
            notes.add("certificate expires in " + days(daysLeft));
        }
    }

    private static Optional<X509Certificate> leafCertificate(SSLSession session) {
        try {
            Certificate[] chain = session.getPeerCertificates();
            if (chain.length > 0 && chain[0] instanceof X509Certificate) {
                return Optional.of((X509Certificate) chain[0]);
            }
        } catch (SSLPeerUnverifiedException e) {
            // an anonymous cipher suite: there is nothing to measure
        }
        return Optional.empty();
    }

    /** Whole days ({@code 9 days}); hours below one day, where the difference matters. */
    private static String days(double days) {
        if (days < 1) {
            long hours = (long) (days * 24);
            return hours == 1 ? "1 hour" : hours + " hours";
        }
        long whole = (long) days;
        return whole == 1 ? "1 day" : whole + " days";
    }

    private static CheckOutcome outcome(CheckStatus status, long start, String text, Map<String, Double> measured) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(RemoteCheckMetrics.HTTP_UP, Timing.flag(CheckOutcome.isUp(status)));
        metrics.putAll(measured);
        return new CheckOutcome(status, "HTTP " + status + " - " + text, metrics, Timing.since(start));
    }

    @Override
    public String toString() {
        return "http " + settings.uri() + " within " + settings.timeout().toMillis() + " ms";
    }
}

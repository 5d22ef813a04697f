package io.vantage.checks.remote;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an {@link HttpCheck} requests and what it accepts. Build with {@link #builder(URI)}, which starts from the
 * defaults: status 200-399, no body regex, 10 s timeout, redirects not followed, certificate warning below 14 days
 * and critical below 3 days, certificate verified.
 *
 * @param uri                 an http or https URI with a host
 * @param minStatus           lowest acceptable status code
 * @param maxStatus           highest acceptable status code
 * @param bodyPattern         a regex that must be found somewhere in the body (the first
 *                            {@value HttpCheck#BODY_LIMIT} bytes of it)
 * @param timeout             for the whole exchange: connection, TLS, request and body
 * @param followRedirects     whether to follow redirects (never from https to http); when false a 3xx is judged as
 *                            it is
 * @param certificateWarning  WARNING when the leaf certificate expires sooner than this
 * @param certificateCritical CRITICAL when the leaf certificate expires sooner than this
 * @param verifyCertificate   whether the certificate must be trusted and name the host; see {@link HttpCheck}
 */
public record HttpCheckSettings(URI uri, int minStatus, int maxStatus, Optional<Pattern> bodyPattern,
        Duration timeout, boolean followRedirects, Duration certificateWarning, Duration certificateCritical,
        boolean verifyCertificate) {

    /** @throws InvalidCheckSpecException when a setting is not acceptable */
    public HttpCheckSettings {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidCheckSpecException("url must be http or https, got '"
                    + CheckArguments.shorten(uri.toString()) + "'");
        }
        if (uri.getHost() == null) {
            throw new InvalidCheckSpecException("url must name a host, got '" + CheckArguments.shorten(uri.toString())
                    + "'");
        }
        CheckArguments.requireRange("status", minStatus, 100, 599);
        CheckArguments.requireRange("status", maxStatus, 100, 599);
        if (maxStatus < minStatus) {
            throw new InvalidCheckSpecException("status range must run from low to high, got " + minStatus + "-"
                    + maxStatus);
        }
        Objects.requireNonNull(bodyPattern, "bodyPattern");
        CheckArguments.requireTimeout(timeout, Duration.ofMillis(1));
        if (certificateWarning == null || certificateWarning.isNegative()) {
            throw new InvalidCheckSpecException("certificate warning must be zero or more, got " + certificateWarning);
        }
        if (certificateCritical == null || certificateCritical.isNegative()
                || certificateCritical.compareTo(certificateWarning) > 0) {
            throw new InvalidCheckSpecException("certificate critical (" + certificateCritical
                    + ") must be zero or more and not above certificate warning (" + certificateWarning + ")");
        }
    }

    public static Builder builder(URI uri) {
        return new Builder(uri);
    }

    /** Whether the check speaks TLS and so measures the certificate. */
    public boolean isHttps() {
        return uri.getScheme().equalsIgnoreCase("https");
    }

    /** Starts from the defaults listed on {@link HttpCheckSettings}. */
    public static final class Builder {

        private final URI uri;
        private int minStatus = 200;
        private int maxStatus = 399;
        private Pattern bodyPattern;
        private Duration timeout = Duration.ofSeconds(10);
        private boolean followRedirects;
        private Duration certificateWarning = Duration.ofDays(14);
        private Duration certificateCritical = Duration.ofDays(3);
        private boolean verifyCertificate = true;

        private Builder(URI uri) {
            this.uri = uri;
        }

        public Builder expectedStatus(int min, int max) {
            this.minStatus = min;
            this.maxStatus = max;
            return this;
        }

        /** A regex that must be found in the body; null for none. */
        public Builder bodyPattern(Pattern pattern) {
            this.bodyPattern = pattern;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder followRedirects(boolean follow) {
            this.followRedirects = follow;
            return this;
        }

        public Builder certificateWarning(Duration warning) {
            this.certificateWarning = warning;
            return this;
        }

        public Builder certificateCritical(Duration critical) {
            this.certificateCritical = critical;
            return this;
        }

        public Builder verifyCertificate(boolean verify) {
            this.verifyCertificate = verify;
            return this;
        }

        /** @throws InvalidCheckSpecException when a setting is not acceptable */
        public HttpCheckSettings build() {
            return new HttpCheckSettings(uri, minStatus, maxStatus, Optional.ofNullable(bodyPattern), timeout,
                    followRedirects, certificateWarning, certificateCritical, verifyCertificate);
        }
    }
}

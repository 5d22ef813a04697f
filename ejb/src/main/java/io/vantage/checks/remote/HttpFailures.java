package io.vantage.checks.remote;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * Turns the exception of a failed HTTP exchange into the short reason an operator needs: which of refused, timed
 * out, unresolvable, or which certificate problem. The JDK reports certificate problems as an
 * {@code SSLHandshakeException} whose cause chain or message tells the real reason.
 */
final class HttpFailures {

    private HttpFailures() {
    }

    static String describe(Throwable failure, String host, Duration timeout) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "connection timed out after " + timeout.toMillis() + " ms";
        }
        if (failure instanceof HttpTimeoutException) {
            return "no response within " + timeout.toMillis() + " ms";
        }
        if (has(failure, UnresolvedAddressException.class) || has(failure, UnknownHostException.class)) {
            return host + " does not resolve";
        }
        if (has(failure, SSLException.class)) {
            return certificateProblem(failure, host);
        }
        if (failure instanceof ConnectException) {
            // the client's ConnectException often has no message of its own
            return "connection failed: " + firstMessage(failure, "connection refused");
        }
        return "request failed: " + firstMessage(failure, failure.getClass().getSimpleName());
    }

    private static String certificateProblem(Throwable failure, String host) {
        if (has(failure, CertificateExpiredException.class)) {
            return "certificate expired";
        }
        if (has(failure, CertificateNotYetValidException.class)) {
            return "certificate not yet valid";
        }
        String message = firstMessage(failure, "");
        if (message.contains("No subject alternative") || message.contains("No name matching")) {
            return "certificate does not match host " + host;
        }
        if (has(failure, CertPathBuilderException.class) || has(failure, CertPathValidatorException.class)
                || message.contains("PKIX")) {
            return "certificate not trusted (" + rootMessage(failure) + ")";
        }
        return "TLS handshake failed: " + (message.isEmpty() ? failure.getClass().getSimpleName() : message);
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String firstMessage(Throwable failure, String fallback) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return fallback;
    }

    /** The innermost message, which for PKIX failures is the readable one ("unable to find valid ..."). */
    private static String rootMessage(Throwable failure) {
        String message = failure.getClass().getSimpleName();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        int colon = message.lastIndexOf(": ");
        return colon < 0 ? message : message.substring(colon + 2);
    }
}

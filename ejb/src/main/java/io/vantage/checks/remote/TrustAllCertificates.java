package io.vantage.checks.remote;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A trust manager that accepts any server certificate, for {@link HttpCheck}s with certificate verification off:
 * internal hosts with self-signed certificates can then still be checked, and their expiry measured.
 *
 * <p>It also switches off host name verification, for the checks that use it and nothing else. This is why it
 * extends {@link X509ExtendedTrustManager}: the JDK 17 {@code HttpClient} ignores the endpoint identification
 * algorithm of the {@code SSLParameters} it is given and sets {@code HTTPS} on every connection unless the
 * JVM-wide {@code jdk.internal.httpclient.disableHostnameVerification} property is set (which Vantage must not
 * do). JSSE then leaves the host name check to the trust manager: an extended one is called as it is (and this one
 * checks nothing), whereas a plain {@code X509TrustManager} is wrapped by JSSE in a wrapper that still compares the
 * certificate with the host name. {@code HttpsCheckTest} pins this behaviour down.
 */
final class TrustAllCertificates extends X509ExtendedTrustManager {

    private static final X509Certificate[] NONE = new X509Certificate[0];

    private TrustAllCertificates() {
    }

    /** A fresh TLS context whose only trust manager accepts everything. */
    static SSLContext context() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustAllCertificates()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no TLS context", e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // accepted: the HttpClient uses engines, so this is the method that matters
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // accepted
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // accepted
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // a client never judges client certificates; accepted for completeness
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // as above
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // as above
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return NONE;
    }
}

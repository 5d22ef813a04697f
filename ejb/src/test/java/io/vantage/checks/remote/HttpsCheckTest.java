package io.vantage.checks.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The https side of {@link HttpCheck}, against servers with self-signed certificates made by keytool. */
class HttpsCheckTest {

    @TempDir
    static Path keystores;
    static Path tenDays;
    static Path aYear;
    static Path expired;
    static Path elsewhere;

    private final List<HttpsServer> servers = new ArrayList<>();

    @BeforeAll
    static void makeCertificates() throws Exception {
        tenDays = keystores.resolve("ten-days.p12");
        aYear = keystores.resolve("a-year.p12");
        expired = keystores.resolve("expired.p12");
        elsewhere = keystores.resolve("elsewhere.p12");
        String loopback = "ip:127.0.0.1,dns:localhost";
        // in parallel: each keytool is a JVM start
        Process ten = SelfSignedCertificates.generate(tenDays, "localhost", loopback, 10, null);
        Process year = SelfSignedCertificates.generate(aYear, "localhost", loopback, 365, null);
        Process old = SelfSignedCertificates.generate(expired, "localhost", loopback, 10, "-20d");
        Process other = SelfSignedCertificates.generate(elsewhere, "elsewhere.example", "dns:elsewhere.example",
                365, null);
        SelfSignedCertificates.await(ten, tenDays);
        SelfSignedCertificates.await(year, aYear);
        SelfSignedCertificates.await(old, expired);
        SelfSignedCertificates.await(other, elsewhere);
    }

    @AfterEach
    void stopServers() {
        servers.forEach(server -> server.stop(0));
    }

    @Test
    void unverified_a_ten_day_certificate_is_a_warning_with_its_days_left() throws Exception {
        CheckOutcome outcome = new HttpCheck(settings(serve(tenDays)).verifyCertificate(false).build()).run();

        assertEquals(CheckStatus.WARNING, outcome.status(), outcome.message());
        assertTrue(outcome.message().matches("HTTP WARNING - 200 OK in \\d+\\.\\d ms, certificate expires in 9 days"),
                outcome.message());
        assertEquals(10.0, outcome.metrics().get(RemoteCheckMetrics.HTTP_CERT_DAYS_LEFT), 0.01);
        assertEquals(1.0, outcome.metrics().get(RemoteCheckMetrics.HTTP_UP));
    }

    @Test
    void unverified_a_ten_day_certificate_is_critical_below_a_higher_critical_threshold() throws Exception {
        CheckOutcome outcome = new HttpCheck(settings(serve(tenDays)).verifyCertificate(false)
                .certificateCritical(Duration.ofDays(11)).certificateWarning(Duration.ofDays(20)).build()).run();

        assertEquals(CheckStatus.CRITICAL, outcome.status(), outcome.message());
        assertTrue(outcome.message().endsWith("certificate expires in 9 days"), outcome.message());
    }

    @Test
    void unverified_a_one_year_certificate_is_ok_with_its_days_left() throws Exception {
        CheckOutcome outcome = new HttpCheck(settings(serve(aYear)).verifyCertificate(false).build()).run();

        assertEquals(CheckStatus.OK, outcome.status(), outcome.message());
        assertTrue(outcome.message().endsWith(", certificate expires in 364 days"), outcome.message());
        assertEquals(365.0, outcome.metrics().get(RemoteCheckMetrics.HTTP_CERT_DAYS_LEFT), 0.01);
    }

    @Test
    void unverified_an_expired_certificate_is_critical_with_negative_days_left() throws Exception {
        CheckOutcome outcome = new HttpCheck(settings(serve(expired)).verifyCertificate(false).build()).run();

        assertEquals(CheckStatus.CRITICAL, outcome.status(), outcome.message());
        assertTrue(outcome.message().endsWith("certificate expired 10 days ago"), outcome.message());
        assertEquals(-10.0, outcome.metrics().get(RemoteCheckMetrics.HTTP_CERT_DAYS_LEFT), 0.01);
        assertEquals(0.0, outcome.metrics().get(RemoteCheckMetrics.HTTP_UP));
    }

    @Test
    void unverified_a_certificate_for_another_host_is_accepted() throws Exception {
        CheckOutcome outcome = new HttpCheck(settings(serve(elsewhere)).verifyCertificate(false).build()).run();

        assertEquals(CheckStatus.OK, outcome.status(), outcome.message());
    }

    @Test
    void verified_a_self_signed_certificate_is_critical_as_not_trusted() throws Exception {
        CheckOutcome outcome = new HttpCheck(settings(serve(aYear)).build()).run();

        assertEquals(CheckStatus.CRITICAL, outcome.status(), outcome.message());
        assertTrue(outcome.message().startsWith("HTTP CRITICAL - certificate not trusted ("), outcome.message());
        assertEquals(0.0, outcome.metrics().get(RemoteCheckMetrics.HTTP_UP));
    }

    @Test
    void verified_a_trusted_certificate_is_ok_and_its_expiry_measured() throws Exception {
        CheckOutcome outcome = new HttpCheck(settings(serve(aYear)).build(),
                SelfSignedCertificates.trusting(aYear)).run();

        assertEquals(CheckStatus.OK, outcome.status(), outcome.message());
        assertEquals(365.0, outcome.metrics().get(RemoteCheckMetrics.HTTP_CERT_DAYS_LEFT), 0.01);
    }

    @Test
    void verified_an_expired_certificate_is_critical_even_when_the_jdk_trusts_it() throws Exception {
        // a certificate that is itself a trust anchor is not checked for expiry by the JDK: the check's own is
        CheckOutcome outcome = new HttpCheck(settings(serve(expired)).build(),
                SelfSignedCertificates.trusting(expired)).run();

        assertEquals(CheckStatus.CRITICAL, outcome.status(), outcome.message());
        assertTrue(outcome.message().endsWith("certificate expired 10 days ago"), outcome.message());
    }

    @Test
    void verified_a_trusted_certificate_for_another_host_is_critical_as_a_mismatch() throws Exception {
        CheckOutcome outcome = new HttpCheck(settings(serve(elsewhere)).build(),
                SelfSignedCertificates.trusting(elsewhere)).run();

        assertEquals(CheckStatus.CRITICAL, outcome.status(), outcome.message());
        assertEquals("HTTP CRITICAL - certificate does not match host 127.0.0.1", outcome.message());
    }

    /**
     * Why {@link TrustAllCertificates} extends X509ExtendedTrustManager: the JDK's client sets the endpoint
     * identification algorithm itself, so a null one in SSLParameters is ignored, and JSSE wraps a plain trust
     * manager with a host name check. If a JDK update changes this, the trust-all mode should be looked at again.
     */
    @Test
    void the_jdk_client_checks_host_names_despite_a_plain_trust_all_manager_and_a_null_algorithm() throws Exception {
        assertNull(System.getProperty("jdk.internal.httpclient.disableHostnameVerification"));
        SSLContext plainTrustAll = SSLContext.getInstance("TLS");
        plainTrustAll.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        SSLParameters noEndpointIdentification = new SSLParameters();
        noEndpointIdentification.setEndpointIdentificationAlgorithm(null);
        HttpClient client = HttpClient.newBuilder().sslContext(plainTrustAll).sslParameters(noEndpointIdentification)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create("https://127.0.0.1:" + serve(elsewhere).getAddress().getPort() + "/");

        IOException refused = assertThrows(IOException.class, () -> client.send(HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()));
        assertTrue(String.valueOf(refused.getMessage()).contains("No subject alternative names"),
                String.valueOf(refused));
    }

    private HttpsServer serve(Path keystore) throws Exception {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(SelfSignedCertificates.serverContext(keystore)));
        server.createContext("/", HttpCheckTest.respond(200, "secure"));
        server.start();
        servers.add(server);
        return server;
    }

    private static HttpCheckSettings.Builder settings(HttpsServer server) {
        return HttpCheckSettings.builder(URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/"))
                .timeout(Duration.ofSeconds(5));
    }
}

package io.vantage.checks.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.protocol.MetricNames;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemoteCheckFactoryTest {

    @Test
    void each_kind_is_built_from_its_settings() {
        assertInstanceOf(TcpConnectCheck.class,
                RemoteCheckFactory.create("tcp", Map.of("host", "db1", "port", "5432")));
        assertInstanceOf(PingCheck.class, RemoteCheckFactory.create("ping", Map.of("host", "10.0.0.5", "count", "5")));
        assertInstanceOf(HttpCheck.class, RemoteCheckFactory.create("http", Map.of("url", "https://app.example/health",
                "status", "200", "body", "UP", "verify_tls", "false", "cert_warn_days", "30", "cert_crit_days", "7",
                "follow_redirects", "true", "timeout_ms", "2000")));
        assertInstanceOf(DnsCheck.class, RemoteCheckFactory.create("dns", Map.of("name", "app.example",
                "expect", "10.0.0.5, 2001:db8::5")));
    }

    @Test
    void a_built_check_runs() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            RemoteCheck check = RemoteCheckFactory.create(" TCP ", Map.of("host", "127.0.0.1",
                    "port", Integer.toString(server.getLocalPort()), "timeout_ms", "2000"));

            assertEquals(CheckStatus.OK, check.run().status());
        }
    }

    @Test
    void an_unknown_kind_is_refused_with_the_known_ones() {
        assertRefused("unknown check kind 'smtp' (known: tcp, ping, http, dns)", "smtp", Map.of());
        assertRefused("unknown check kind '' (known: tcp, ping, http, dns)", null, Map.of());
    }

    @Test
    void a_port_out_of_range_or_not_a_number_is_refused() {
        assertRefused("port must be 1-65535, got 70000", "tcp", Map.of("host", "db1", "port", "70000"));
        assertRefused("port must be 1-65535, got 0", "tcp", Map.of("host", "db1", "port", "0"));
        assertRefused("port must be a whole number, got 'http'", "tcp", Map.of("host", "db1", "port", "http"));
    }

    @Test
    void missing_required_settings_are_named() {
        assertRefused("host is required for tcp checks", "tcp", Map.of("port", "22"));
        assertRefused("port is required for tcp checks", "tcp", Map.of("host", "db1", "port", " "));
        assertRefused("url is required for http checks", "http", null);
        assertRefused("name is required for dns checks", "dns", Map.of());
    }

    @Test
    void an_unknown_setting_is_refused_rather_than_ignored() {
        assertRefused("unknown setting 'prot' for tcp checks (known: host, port, timeout_ms)", "tcp",
                Map.of("host", "db1", "prot", "22"));
        assertRefused("unknown setting 'url' for ping checks (known: host, count, timeout_ms)", "ping",
                Map.of("host", "db1", "url", "http://db1/"));
    }

    @Test
    void hosts_that_could_be_read_as_options_or_are_not_names_are_refused() {
        assertRefused("host must be a host name or IP address, got '-f'", "ping", Map.of("host", "-f"));
        assertRefused("host must be a host name or IP address, got 'db1; reboot'", "tcp",
                Map.of("host", "db1; reboot", "port", "22"));
        assertRefused("host must be an IP address, got '::zz'", "tcp", Map.of("host", "::zz", "port", "22"));
    }

    @Test
    void timeouts_and_counts_are_bounded() {
        assertRefused("timeout_ms must be 1-60000, got 0", "tcp", Map.of("host", "db1", "port", "22",
                "timeout_ms", "0"));
        assertRefused("timeout_ms must be 1000-60000, got 500", "ping", Map.of("host", "db1", "timeout_ms", "500"));
        assertRefused("count must be 1-100, got 1000", "ping", Map.of("host", "db1", "count", "1000"));
    }

    @Test
    void http_urls_must_be_http_or_https_with_a_host() {
        assertRefused("url must be http or https, got 'ftp://files.example/'", "http",
                Map.of("url", "ftp://files.example/"));
        assertRefused("url must be http or https, got 'app.example/health'", "http",
                Map.of("url", "app.example/health"));
        assertRefused("url must name a host, got 'http:///health'", "http", Map.of("url", "http:///health"));
        InvalidCheckSpecException malformed = assertThrows(InvalidCheckSpecException.class,
                () -> RemoteCheckFactory.create("http", Map.of("url", "http://app example/")));
        assertTrue(malformed.getMessage().startsWith("url is not a valid URL: "), malformed.getMessage());
    }

    @Test
    void http_status_body_flags_and_certificate_days_are_validated() {
        String url = "https://app.example/";
        assertRefused("status must be a code or a range such as 200-399, got '2xx'", "http",
                Map.of("url", url, "status", "2xx"));
        assertRefused("status must be 100-599, got 700", "http", Map.of("url", url, "status", "200-700"));
        assertRefused("status range must run from low to high, got 399-200", "http",
                Map.of("url", url, "status", "399-200"));
        assertRefused("verify_tls must be true or false, got 'yes'", "http", Map.of("url", url, "verify_tls", "yes"));
        assertRefused("cert_crit_days (20) must not be above cert_warn_days (14)", "http",
                Map.of("url", url, "cert_crit_days", "20"));
        InvalidCheckSpecException regex = assertThrows(InvalidCheckSpecException.class,
                () -> RemoteCheckFactory.create("http", Map.of("url", url, "body", "status: (up")));
        assertTrue(regex.getMessage().startsWith("body is not a valid regular expression: "), regex.getMessage());
    }

    @Test
    void dns_expectations_must_be_ip_addresses() {
        assertRefused("expect must be an IP address, got 'app.example'", "dns",
                Map.of("name", "app.example", "expect", "10.0.0.5,app.example"));
    }

    @Test
    void the_exception_is_an_illegal_argument_for_callers_that_map_those_to_400() {
        Map<String, String> settings = new HashMap<>();
        settings.put("host", null);
        assertInstanceOf(IllegalArgumentException.class, assertThrows(InvalidCheckSpecException.class,
                () -> RemoteCheckFactory.create("tcp", settings)));
    }

    @Test
    void every_metric_name_is_a_valid_vantage_metric_name() throws Exception {
        for (Field field : RemoteCheckMetrics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String name = (String) field.get(null);
                assertTrue(MetricNames.isValid(name), name);
            }
        }
    }

    private static void assertRefused(String message, String kind, Map<String, String> settings) {
        InvalidCheckSpecException refused = assertThrows(InvalidCheckSpecException.class,
                () -> RemoteCheckFactory.create(kind, settings));
        assertEquals(message, refused.getMessage());
    }
}

package io.vantage.checks.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DnsCheckTest {

    @Test
    void localhost_resolves_and_contains_the_expected_loopback_address() throws Exception {
        CheckOutcome outcome = new DnsCheck("localhost", List.of(InetAddress.getByName("127.0.0.1")),
                Duration.ofSeconds(2)).run();

        assertEquals(CheckStatus.OK, outcome.status(), outcome.message());
        assertTrue(outcome.message().startsWith("DNS OK - localhost resolved to "), outcome.message());
        assertTrue(outcome.message().contains("127.0.0.1"), outcome.message());
        assertEquals(1.0, outcome.metrics().get(RemoteCheckMetrics.DNS_UP));
        assertTrue(outcome.metrics().get(RemoteCheckMetrics.DNS_ADDRESSES) >= 1, outcome.metrics().toString());
        assertTrue(outcome.metrics().get(RemoteCheckMetrics.DNS_RESOLVE_MS) >= 0, outcome.metrics().toString());
    }

    @Test
    void an_expected_address_missing_from_the_answer_is_critical() throws Exception {
        CheckOutcome outcome = new DnsCheck("localhost", List.of(InetAddress.getByName("192.0.2.99")),
                Duration.ofSeconds(2)).run();

        assertEquals(CheckStatus.CRITICAL, outcome.status(), outcome.message());
        assertTrue(outcome.message().endsWith("missing expected 192.0.2.99"), outcome.message());
        assertEquals(0.0, outcome.metrics().get(RemoteCheckMetrics.DNS_UP));
    }

    @Test
    void a_name_under_invalid_is_critical_within_the_timeout() {
        Duration timeout = Duration.ofSeconds(2);
        CheckOutcome outcome = new DnsCheck("no-such-host.invalid", List.of(), timeout).run();

        assertEquals(CheckStatus.CRITICAL, outcome.status(), outcome.message());
        assertTrue(outcome.message().startsWith("DNS CRITICAL - no-such-host.invalid "), outcome.message());
        assertEquals(0.0, outcome.metrics().get(RemoteCheckMetrics.DNS_UP));
        assertFalse(outcome.metrics().containsKey(RemoteCheckMetrics.DNS_RESOLVE_MS));
        assertTrue(outcome.took().compareTo(timeout.plus(TcpConnectCheckTest.MARGIN)) <= 0, "took " + outcome.took());
    }

    @Test
    void the_constructor_refuses_names_that_are_not_host_names() {
        assertThrows(InvalidCheckSpecException.class, () -> new DnsCheck("bad name", List.of(), Duration.ofSeconds(1)));
        assertThrows(InvalidCheckSpecException.class, () -> new DnsCheck("a..b", List.of(), Duration.ofSeconds(1)));
    }
}

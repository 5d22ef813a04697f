package io.vantage.checks.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Example outputs in the format of iputils ping (and one of BusyBox's), run with {@code -n} in the C locale. */
class PingOutputParserTest {

    static final String SUCCESS = """
            PING 127.0.0.1 (127.0.0.1) 56(84) bytes of data.
            64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0.045 ms
            64 bytes from 127.0.0.1: icmp_seq=2 ttl=64 time=0.061 ms
            64 bytes from 127.0.0.1: icmp_seq=3 ttl=64 time=0.058 ms

            --- 127.0.0.1 ping statistics ---
            3 packets transmitted, 3 received, 0% packet loss, time 2031ms
            rtt min/avg/max/mdev = 0.045/0.054/0.061/0.006 ms
            """;

    static final String PARTIAL_LOSS = """
            PING 10.0.0.7 (10.0.0.7) 56(84) bytes of data.
            64 bytes from 10.0.0.7: icmp_seq=1 ttl=63 time=1.21 ms
            64 bytes from 10.0.0.7: icmp_seq=3 ttl=63 time=1.48 ms
            64 bytes from 10.0.0.7: icmp_seq=4 ttl=63 time=3.02 ms

            --- 10.0.0.7 ping statistics ---
            5 packets transmitted, 3 received, 40% packet loss, time 4006ms
            rtt min/avg/max/mdev = 1.207/1.903/3.018/0.798 ms
            """;

    static final String TOTAL_LOSS = """
            PING 10.255.255.1 (10.255.255.1) 56(84) bytes of data.

            --- 10.255.255.1 ping statistics ---
            3 packets transmitted, 0 received, 100% packet loss, time 2053ms

            """;

    static final String UNREACHABLE = """
            PING 10.0.0.99 (10.0.0.99) 56(84) bytes of data.
            From 10.0.0.1 icmp_seq=1 Destination Host Unreachable
            From 10.0.0.1 icmp_seq=2 Destination Host Unreachable
            From 10.0.0.1 icmp_seq=3 Destination Host Unreachable

            --- 10.0.0.99 ping statistics ---
            3 packets transmitted, 0 received, +3 errors, 100% packet loss, time 2030ms
            pipe 3
            """;

    static final String UNKNOWN_HOST = "ping: no-such-host.invalid: Name or service not known\n";

    static final String NOT_PERMITTED = """
            ping: socktype: SOCK_RAW
            ping: socket: Operation not permitted
            ping: => missing cap_net_raw+p capability or setuid?
            """;

    @Test
    void a_clean_run_has_no_loss_and_its_round_trip_times() {
        PingSummary summary = PingOutputParser.summary(SUCCESS).orElseThrow();

        assertEquals(new PingSummary(3, 3, 0.0, OptionalDouble.of(0.054), OptionalDouble.of(0.061)), summary);
    }

    @Test
    void partial_loss_is_read_with_the_round_trips_of_the_replies_that_came() {
        PingSummary summary = PingOutputParser.summary(PARTIAL_LOSS).orElseThrow();

        assertEquals(new PingSummary(5, 3, 40.0, OptionalDouble.of(1.903), OptionalDouble.of(3.018)), summary);
    }

    @Test
    void fractional_loss_and_duplicates_are_read() {
        String output = "3 packets transmitted, 3 received, +1 duplicates, 33.3333% packet loss, time 2002ms\n"
                + "rtt min/avg/max/mdev = 0.1/0.2/0.3/0.05 ms\n";

        assertEquals(33.3333, PingOutputParser.summary(output).orElseThrow().lossPercent(), 1e-9);
    }

    @Test
    void total_loss_has_no_round_trip_times() {
        PingSummary summary = PingOutputParser.summary(TOTAL_LOSS).orElseThrow();

        assertEquals(new PingSummary(3, 0, 100.0, OptionalDouble.empty(), OptionalDouble.empty()), summary);
    }

    @Test
    void total_loss_with_icmp_errors_is_read_past_the_error_count() {
        PingSummary summary = PingOutputParser.summary(UNREACHABLE).orElseThrow();

        assertEquals(3, summary.transmitted());
        assertEquals(0, summary.received());
        assertEquals(100.0, summary.lossPercent());
        assertFalse(summary.rttAvgMillis().isPresent());
    }

    @Test
    void an_unknown_host_has_no_summary_and_a_name_resolution_error() {
        assertEquals(Optional.empty(), PingOutputParser.summary(UNKNOWN_HOST));
        String error = PingOutputParser.errorLine(UNKNOWN_HOST).orElseThrow();

        assertEquals("ping: no-such-host.invalid: Name or service not known", error);
        assertTrue(PingOutputParser.isNameResolutionError(error));
    }

    @Test
    void a_refused_socket_reports_ping_own_line_and_is_not_a_name_error() {
        assertEquals(Optional.empty(), PingOutputParser.summary(NOT_PERMITTED));
        String error = PingOutputParser.errorLine(NOT_PERMITTED).orElseThrow();

        assertEquals("ping: socket: Operation not permitted", error);
        assertFalse(PingOutputParser.isNameResolutionError(error));
    }

    @Test
    void busybox_spelling_is_understood() {
        String output = """
                PING 127.0.0.1 (127.0.0.1): 56 data bytes
                64 bytes from 127.0.0.1: seq=0 ttl=64 time=0.061 ms

                --- 127.0.0.1 ping statistics ---
                1 packets transmitted, 1 packets received, 0% packet loss
                round-trip min/avg/max = 0.061/0.070/0.082 ms
                """;

        assertEquals(new PingSummary(1, 1, 0.0, OptionalDouble.of(0.070), OptionalDouble.of(0.082)),
                PingOutputParser.summary(output).orElseThrow());
    }

    @Test
    void output_without_statistics_or_errors_yields_nothing() {
        assertEquals(Optional.empty(), PingOutputParser.summary("PING 10.0.0.1 (10.0.0.1) 56(84) bytes of data.\n"));
        assertEquals(Optional.empty(), PingOutputParser.errorLine(""));
    }
}

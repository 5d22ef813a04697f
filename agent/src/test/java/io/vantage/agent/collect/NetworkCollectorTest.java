package io.vantage.agent.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.protocol.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkCollectorTest {

    @TempDir
    Path dir;

    private final FakeClock clock = new FakeClock();

    @Test
    void each_interface_but_loopback_reports_rates_per_second_since_the_previous_reading() throws IOException {
        Path netDev = dir.resolve("dev");
        NetworkCollector collector = new NetworkCollector(netDev, clock);
        Fixtures.copy("net-dev-1", netDev);
        List<Sample> first = new ArrayList<>();
        collector.collect(1_000L, first);
        assertTrue(first.isEmpty(), "rates need two readings");
        clock.advanceSeconds(10);
        Fixtures.copy("net-dev-2", netDev);

        List<Sample> samples = new ArrayList<>();
        collector.collect(2_000L, samples);

        Map<String, Double> net = Fixtures.byName(samples);
        assertEquals(10_000.0, net.get("net.eth0.rx_bytes_per_s"), 1e-9);
        assertEquals(50_000.0, net.get("net.eth0.tx_bytes_per_s"), 1e-9);
        assertEquals(10.0, net.get("net.eth0.rx_packets_per_s"), 1e-9);
        assertEquals(20.0, net.get("net.eth0.tx_packets_per_s"), 1e-9);
        assertEquals(0.1, net.get("net.eth0.rx_errors_per_s"), 1e-9);
        assertEquals(0.3, net.get("net.eth0.tx_errors_per_s"), 1e-9);
        assertEquals(0.2, net.get("net.eth0.rx_dropped_per_s"), 1e-9);
        assertEquals(0.0, net.get("net.eth0.tx_dropped_per_s"), 1e-9);
        assertEquals(16, samples.size(), "eight rates for eth0 and eight for the VLAN, none for lo");
    }

    @Test
    void a_dot_in_an_interface_name_becomes_an_underscore_so_the_name_stays_one_segment() throws IOException {
        Path netDev = dir.resolve("dev");
        NetworkCollector collector = new NetworkCollector(netDev, clock);
        Fixtures.copy("net-dev-1", netDev);
        collector.collect(1_000L, new ArrayList<>());
        clock.advanceSeconds(10);
        Fixtures.copy("net-dev-2", netDev);

        List<Sample> samples = new ArrayList<>();
        collector.collect(2_000L, samples);

        // the fixture writes "eth0.100:1500 ..." with no blank after the colon, as old kernels did
        assertEquals(100.0, Fixtures.byName(samples).get("net.eth0_100.rx_bytes_per_s"), 1e-9);
    }

    @Test
    void a_line_with_too_few_counters_is_an_error() throws IOException {
        Path netDev = Files.writeString(dir.resolve("dev"), "  eth0: 1 2 3\n");

        assertThrows(IOException.class, () -> new NetworkCollector(netDev, clock).collect(1_000L, new ArrayList<>()));
    }
}

package io.vantage.agent.collect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.protocol.MetricNames;
import org.junit.jupiter.api.Test;

class DeviceNamesTest {

    @Test
    void characters_outside_a_metric_segment_become_underscores() {
        assertEquals("sda", DeviceNames.segment("sda"));
        assertEquals("eth0_100", DeviceNames.segment("eth0.100"));
        assertEquals("cciss_c0d0", DeviceNames.segment("cciss/c0d0"));
        assertEquals("wg-home:1", DeviceNames.segment("wg-home:1"));
        assertEquals("a_b_c", DeviceNames.segment("a b\u00e9c"));
    }

    @Test
    void a_very_long_name_is_cut_so_every_metric_name_stays_valid() {
        String segment = DeviceNames.segment("x".repeat(500));
        String[] names = new DeviceNames("fs.", "inodes_used_percent").of("y".repeat(500));

        assertEquals(DeviceNames.MAX_SEGMENT, segment.length());
        assertTrue(MetricNames.isValid(names[0]), names[0]);
    }

    @Test
    void names_are_built_once_per_device_in_the_order_of_the_kinds() {
        DeviceNames names = new DeviceNames("net.", "rx_bytes_per_s", "tx_bytes_per_s");

        assertArrayEquals(new String[] {"net.eth0.rx_bytes_per_s", "net.eth0.tx_bytes_per_s"}, names.of("eth0"));
        assertSame(names.of("eth0"), names.of("eth0"));
    }
}

package io.vantage.web.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LiveSamplesTest {

    @Test
    void the_console_gets_whole_machine_cpu_memory_swap_and_load() {
        assertTrue(LiveSamples.isShown("cpu.total"));
        assertTrue(LiveSamples.isShown("mem.used_percent"));
        assertTrue(LiveSamples.isShown("swap.used_percent"));
        assertTrue(LiveSamples.isShown("load.1m"));
    }

    @Test
    void per_core_cpu_and_other_metrics_are_not_pushed() {
        assertFalse(LiveSamples.isShown("cpu.0.user"));
        assertFalse(LiveSamples.isShown("cpu.15.total"));
        assertFalse(LiveSamples.isShown("disk.sda.reads_per_s"));
        assertFalse(LiveSamples.isShown(null));
    }
}

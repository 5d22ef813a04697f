package io.vantage.agent.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class AgentLogTest {

    @Test
    void placeholders_are_filled_in_order_as_string_format_fills_them() {
        Object[] args = {"127.0.0.1:7070", 42, 1795882413682L, 0.5, null};
        String format = "Server %s: %d batches, sequence %d, value %s, %s; 100%% sure? %x stays";

        assertEquals(String.format(Locale.ROOT, format.replace("%%", "%%%%").replace("%x", "%%x"), args),
                AgentLog.fill(format, args));
    }

    @Test
    void the_code_is_four_digits_after_the_prefix() {
        assertEquals("VANTAGE-AGT-0006 ", AgentLog.prefix(6));
        assertEquals("VANTAGE-AGT-0033 ", AgentLog.prefix(33));
        assertEquals("VANTAGE-AGT-0100 ", AgentLog.prefix(100));
    }
}

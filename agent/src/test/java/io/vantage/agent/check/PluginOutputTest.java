package io.vantage.agent.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.protocol.CheckRun;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluginOutputTest {

    @Test
    void the_first_line_is_the_text_and_after_the_bar_the_data() {
        PluginOutput output = PluginOutput.parse("PROCS OK: 97 processes | procs=97;;;0;\n");

        assertEquals("PROCS OK: 97 processes", output.text());
        assertEquals(List.of(new PerfValue("procs", 97, null, null, 0.0, null)), output.perfData());
    }

    @Test
    void long_text_lines_are_not_data_until_a_line_holds_a_bar_after_which_every_line_is() {
        PluginOutput output = PluginOutput.parse("DISK OK - free space | /=10B\n"
                + "long text line one\n"
                + "long text line two with a=1 that is not data | /boot=20B\n"
                + "/home=30B\r\n"
                + "/var=40B;;;0\n");

        assertEquals("DISK OK - free space", output.text());
        assertEquals(List.of("/", "/boot", "/home", "/var"),
                output.perfData().stream().map(PerfValue::label).toList());
    }

    @Test
    void output_without_data_or_without_text_is_still_a_result() {
        assertEquals(new PluginOutput("WARNING: hello", List.of()), PluginOutput.parse("WARNING: hello\n"));
        assertEquals("(no output)", PluginOutput.parse("").text());
        assertEquals("(no output)", PluginOutput.parse("| a=1").text());
        assertEquals(1, PluginOutput.parse("| a=1").perfData().size());
    }

    @Test
    void a_huge_first_line_is_cut_to_what_the_server_takes_with_a_marker() {
        String text = PluginOutput.parse("x".repeat(5000)).text();

        assertEquals(CheckRun.MAX_TEXT_BYTES, text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertTrue(text.endsWith(CheckRun.TRUNCATION_MARKER));
    }
}

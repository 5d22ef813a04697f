package io.vantage.agent.collect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class ProcFilesTest {

    @Test
    void fields_are_split_on_runs_of_blanks_and_tabs_ignoring_those_at_either_end() {
        assertArrayEquals(new String[] {"8", "0", "sda", "42"}, ProcFiles.fields("   8       0 sda\t42  "));
        assertArrayEquals(new String[] {"3264", "0", "1621594"}, ProcFiles.fields("3264\t0\t1621594"));
        assertArrayEquals(new String[0], ProcFiles.fields("  \t "));
    }
}

package io.vantage.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MetricNamesTest {

    /** The rule as the specification writes it (PROTOCOL.md); the hand-written check must agree with it. */
    private static final Pattern SPECIFIED = Pattern.compile("[A-Za-z0-9_:-]+(\\.[A-Za-z0-9_:-]+)*");

    @Test
    void names_of_dot_separated_segments_are_valid() {
        assertTrue(MetricNames.isValid("cpu.user"));
        assertTrue(MetricNames.isValid("disk.sda.read_bytes"));
        assertTrue(MetricNames.isValid("check.http:443.status-code"));
        assertTrue(MetricNames.isValid("x".repeat(MetricNames.MAX_LENGTH)));
    }

    @Test
    void empty_segments_foreign_characters_and_overlong_names_are_not() {
        for (String bad : new String[] {"", ".cpu", "cpu.", "cpu..user", "cpu user", "cpu/user", "cpü", "a\u0000b",
                "x".repeat(MetricNames.MAX_LENGTH + 1)}) {
            assertFalse(MetricNames.isValid(bad), bad);
        }
        assertFalse(MetricNames.isValid(null));
    }

    @Test
    void the_check_agrees_with_the_specified_pattern_on_random_names() {
        Random random = new Random(7);
        String alphabet = "ab9_-:.. /é";
        for (int round = 0; round < 100_000; round++) {
            StringBuilder name = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = name.toString();
            assertEquals(!candidate.isEmpty() && SPECIFIED.matcher(candidate).matches(),
                    MetricNames.isValid(candidate), candidate);
        }
    }
}

package io.vantage.connector.fuzz.graphite;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Building blocks for Graphite lines: valid ones in their various legal spellings, and the awkward values,
 * timestamps, paths and junk lines that hostile connections mix in. Hostile paths all start with {@code fuzz.},
 * so they never collide with a well-behaved sender's.
 */
final class GraphiteLines {

    static final List<String> VALID_VALUES = List.of("42", "-3.5", "1e3", "+.5", "7.", "0", "-0", "6.02E23",
            "1.5e-7", "123456789012345678901234567890", "1e-400", "4.9e-324", "1.7976931348623157e308");
    static final List<String> HUGE_VALUES = List.of("1e309", "-1e309", "9".repeat(400), "-" + "9".repeat(330),
            "1e99999", "0." + "0".repeat(500) + "1", "1e-99999", "1.8e308", "17976931348623159" + "0".repeat(292));
    static final List<String> ODD_VALUES = List.of("NaN", "Infinity", "-Infinity", "+Infinity", "nan", "0x1F",
            "0x1p3", "1d", "1f", "1L", "1_000", "1,5", "+-1", ".", "-", "e5", "1e", "1e+", "--1", "\u0663", "\uFF11",
            "1.2.3", "1e5.5", "", "0b101");
    static final List<String> VALID_TIMESTAMPS = List.of("1700000000", "1700000000.25", "1", "0.001", "+1700000000",
            "1700000000.", ".5", "9223372036854774", "0.0005");
    static final List<String> ODD_TIMESTAMPS = List.of("-1", "0", "0.0", "-0", "0.0004", "1e9", "1700000000e0",
            "9223372036854775", "99999999999999999999", "-1700000000", "0x65", "NaN", "Infinity", "1700000000s",
            "1.7E9", "", "now");
    static final List<String> SEPARATORS = List.of(" ", "\t", "  ", " \t ");
    static final List<String> JUNK_LINES = List.of("nonsense", "GET / HTTP/1.1", "a b", "a b c d", "a 1 -1",
            " ", "\t", "fuzz.x 1", "fuzz.x one 1700000000", "PING", "fuzz.x 1 1700000000 extra", "SSH-2.0-OpenSSH");
    private static final String PATH_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_-.";

    private GraphiteLines() {
    }

    static String validLine(Random random) {
        return line(path(random), pick(random, VALID_VALUES), pick(random, VALID_TIMESTAMPS), random);
    }

    /** A line from its three fields, with random separators and terminator. */
    static String line(String path, String value, String timestamp, Random random) {
        String lead = random.nextInt(8) == 0 ? pick(random, SEPARATORS) : "";
        String trail = random.nextInt(8) == 0 ? pick(random, SEPARATORS) : "";
        return lead + path + pick(random, SEPARATORS) + value + pick(random, SEPARATORS) + timestamp + trail
                + (random.nextInt(4) == 0 ? "\r\n" : "\n");
    }

    static String path(Random random) {
        StringBuilder path = new StringBuilder("fuzz.");
        int length = 1 + random.nextInt(24);
        for (int i = 0; i < length; i++) {
            path.append(PATH_CHARS.charAt(random.nextInt(PATH_CHARS.length())));
        }
        return path.toString();
    }

    static String validLines(Random random, int count) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            lines.append(validLine(random));
        }
        return lines.toString();
    }

    static String pick(Random random, List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

package io.vantage.protocol;

/**
 * The rule every metric name follows: dot-separated segments of letters, digits, {@code _ - :}, at most
 * {@value #MAX_LENGTH} characters, for example {@code cpu.user} or {@code disk.sda.read_bytes}.
 */
public final class MetricNames {

    public static final int MAX_LENGTH = 200;

    private MetricNames() {
    }

    /**
     * Whether the name follows the rule. Checked by hand rather than with a regular expression: the server checks
     * every sample it receives, and a character loop costs a fraction of a matcher.
     */
    public static boolean isValid(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
            return false;
        }
        boolean segmentEmpty = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.') {
                if (segmentEmpty) {
                    return false;
                }
                segmentEmpty = true;
            } else if (isSegmentChar(c)) {
                segmentEmpty = false;
            } else {
                return false;
            }
        }
        return !segmentEmpty;
    }

    private static boolean isSegmentChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
                || c == ':';
    }
}

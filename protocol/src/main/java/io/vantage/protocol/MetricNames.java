package io.vantage.protocol;

import java.util.regex.Pattern;

/**
 * The rule every metric name follows: dot-separated segments of letters, digits, {@code _ - :}, at most
 * {@value #MAX_LENGTH} characters, for example {@code cpu.user} or {@code disk.sda.read_bytes}.
 */
public final class MetricNames {

    public static final int MAX_LENGTH = 200;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_:-]+(\\.[A-Za-z0-9_:-]+)*");

    private MetricNames() {
    }

    public static boolean isValid(String name) {
        return name != null && !name.isEmpty() && name.length() <= MAX_LENGTH && VALID.matcher(name).matches();
    }
}

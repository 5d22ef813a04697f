package io.vantage.checks.remote;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Validation shared by the checks' constructors and {@link RemoteCheckFactory}. Every failure is an
 * {@link InvalidCheckSpecException} whose message names the setting and the offending value.
 */
final class CheckArguments {

    /** Longest timeout a check may have: a scheduler thread should never wait on one target for minutes. */
    static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);

    // RFC 1123 labels; '_' is tolerated because internal zones use it. No label may start with '-', which also keeps
    // a host name from being read as an option by the ping executable.
    private static final Pattern HOST_NAME =
            Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,62})(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,62}))*\\.?");
    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    private CheckArguments() {
    }

    /** A host name or IP address literal, trimmed, IPv6 without brackets. */
    static String requireHost(String setting, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidCheckSpecException(setting + " must not be empty");
        }
        String host = value.trim();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.contains(":")) {
            parseIpLiteral(setting, host);
            return host;
        }
        if (host.length() > 253 || !HOST_NAME.matcher(host).matches()) {
            throw new InvalidCheckSpecException(setting + " must be a host name or IP address, got '" + shorten(value)
                    + "'");
        }
        return host;
    }

    /** Whether the text is an IPv4 or IPv6 address literal, which needs no name lookup. */
    static boolean isIpLiteral(String host) {
        return host.contains(":") || IPV4.matcher(host).matches();
    }

    /** Parses an IP address literal without ever asking DNS. */
    static InetAddress parseIpLiteral(String setting, String text) {
        String literal = text == null ? "" : text.trim();
        if (!isIpLiteral(literal)) {
            throw new InvalidCheckSpecException(setting + " must be an IP address, got '" + shorten(text) + "'");
        }
        try {
            // getByName does not query DNS for a literal; for text with ':' that is not valid IPv6 it throws
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new InvalidCheckSpecException(setting + " must be an IP address, got '" + shorten(text) + "'");
        }
    }

    static int requirePort(int port) {
        return (int) requireRange("port", port, 1, 65_535);
    }

    static long requireRange(String setting, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidCheckSpecException(setting + " must be " + min + "-" + max + ", got " + value);
        }
        return value;
    }

    /** A timeout of at least {@code min} and at most {@link #MAX_TIMEOUT}. */
    static Duration requireTimeout(Duration timeout, Duration min) {
        if (timeout == null || timeout.compareTo(min) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new InvalidCheckSpecException("timeout must be " + min.toMillis() + "-" + MAX_TIMEOUT.toMillis()
                    + " ms, got " + (timeout == null ? "none" : timeout.toMillis() + " ms"));
        }
        return timeout;
    }

    /** Host and port as people write them: {@code db1:5432}, {@code [::1]:5432}. */
    static String hostAndPort(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}

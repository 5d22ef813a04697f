package io.vantage.checks.remote;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the output of iputils {@code ping} run with {@code -n} in the C locale: the summary lines
 * <pre>
 * 5 packets transmitted, 3 received, 40% packet loss, time 4006ms
 * rtt min/avg/max/mdev = 1.207/1.903/3.018/0.798 ms
 * </pre>
 * and, when ping fails before sending anything, its own error line such as
 * {@code ping: socket: Operation not permitted}. BusyBox's {@code packets received} and {@code round-trip} spellings
 * are accepted as well, so a minimal container image does not make every ping UNKNOWN.
 */
final class PingOutputParser {

    // "+N errors" and "+N duplicates" may sit between "received" and the loss; the loss may be fractional (33.3333%)
    private static final Pattern PACKETS = Pattern.compile(
            "(\\d+) packets transmitted, (\\d+) (?:packets )?received.*?(\\d+(?:\\.\\d+)?)% packet loss");
    private static final Pattern RTT = Pattern.compile(
            "(?:rtt|round-trip) min/avg/max(?:/mdev)? = ([\\d.]+)/([\\d.]+)/([\\d.]+)(?:/[\\d.]+)? ms");
    private static final Pattern NAME_ERRORS = Pattern.compile("(?i)name or service not known|unknown host"
            + "|failure in name resolution|no address associated|bad address|name does not resolve");

    private PingOutputParser() {
    }

    /** The statistics, or empty when ping printed none (it failed before sending, or was killed). */
    static Optional<PingSummary> summary(String output) {
        Matcher packets = PACKETS.matcher(output);
        if (!packets.find()) {
            return Optional.empty();
        }
        int transmitted = Integer.parseInt(packets.group(1));
        int received = Integer.parseInt(packets.group(2));
        double loss = Double.parseDouble(packets.group(3));
        Matcher rtt = RTT.matcher(output);
        if (rtt.find()) {
            return Optional.of(new PingSummary(transmitted, received, loss,
                    OptionalDouble.of(Double.parseDouble(rtt.group(2))),
                    OptionalDouble.of(Double.parseDouble(rtt.group(3)))));
        }
        return Optional.of(new PingSummary(transmitted, received, loss, OptionalDouble.empty(),
                OptionalDouble.empty()));
    }

    /**
     * Ping's own error line, such as {@code ping: socket: Operation not permitted}. The {@code ping: socktype:}
     * line that newer iputils prints first only names the socket type it tried, so it is skipped.
     */
    static Optional<String> errorLine(String output) {
        for (String line : output.split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("ping:") && !trimmed.startsWith("ping: socktype:")) {
                return Optional.of(trimmed);
            }
        }
        return Optional.empty();
    }

    /** Whether an error line says the host name does not resolve, a fault of the target rather than of ping. */
    static boolean isNameResolutionError(String errorLine) {
        return NAME_ERRORS.matcher(errorLine).find();
    }
}

package io.vantage.checks.remote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Pings a host with the system's iputils {@code ping}, run as
 * {@code ping -n -c <count> -W <secs> -w <secs> <host>} (the JDK cannot send ICMP echo itself). Status by packet
 * loss: CRITICAL at 100%, WARNING at any loss, OK otherwise; CRITICAL too when the name does not resolve. UNKNOWN
 * when the check cannot be evaluated: no ping executable, ping refused by the system (an unprivileged ping without
 * {@code cap_net_raw} fails with {@code Operation not permitted}; the message quotes ping's own line), or ping not
 * finishing. Metrics {@value RemoteCheckMetrics#PING_UP}, {@value RemoteCheckMetrics#PING_LOSS_PCT},
 * {@value RemoteCheckMetrics#PING_RTT_AVG_MS} and {@value RemoteCheckMetrics#PING_RTT_MAX_MS}.
 *
 * <p>Ping's deadline is the timeout in whole seconds (at least 1 s), so the timeout must be at least a second; ping
 * sends one packet a second, so {@code count} packets need about {@code count - 1} seconds. Ping is killed if it has
 * not finished {@link #KILL_GRACE} after the timeout.
 */
public final class PingCheck implements RemoteCheck {

    /** Where iputils installs ping on Debian and Red Hat systems. */
    static final List<Path> EXECUTABLES = List.of(Path.of("/usr/bin/ping"), Path.of("/bin/ping"));
    /** How long past the timeout ping may take to print its summary before it is killed. */
    static final Duration KILL_GRACE = Duration.ofMillis(500);
    static final int MAX_COUNT = 100;

    private final String host;
    private final int count;
    private final Duration timeout;
    private final List<Path> executables;

    /** @throws InvalidCheckSpecException when the host, count (1-100) or timeout (1-60 s) is not acceptable */
    public PingCheck(String host, int count, Duration timeout) {
        this(host, count, timeout, EXECUTABLES);
    }

    /** With other places to look for ping, so tests can stand in a script for it. */
    PingCheck(String host, int count, Duration timeout, List<Path> executables) {
        this.host = CheckArguments.requireHost("host", host);
        this.count = (int) CheckArguments.requireRange("count", count, 1, MAX_COUNT);
        this.timeout = CheckArguments.requireTimeout(timeout, Duration.ofSeconds(1));
        this.executables = List.copyOf(executables);
    }

    @Override
    public CheckOutcome run() {
        long start = System.nanoTime();
        // looked up on every run, so installing iputils-ping takes effect without rebuilding the check
        Optional<Path> executable = executables.stream().filter(Files::isExecutable).findFirst();
        if (executable.isEmpty()) {
            return outcome(CheckStatus.UNKNOWN, start, "no ping executable (looked for " + executables.stream()
                    .map(Path::toString).collect(Collectors.joining(", ")) + "); install iputils-ping", null);
        }
        Path output = null;
        try {
            // a file rather than a pipe: ping can never block on a full pipe, and no reader thread is needed
            output = Files.createTempFile("vantage-ping-", ".out");
            return ping(executable.get(), output, start);
        } catch (IOException e) {
            return outcome(CheckStatus.UNKNOWN, start, "could not run " + executable.get() + ": " + e.getMessage(),
                    null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return outcome(CheckStatus.UNKNOWN, start, "interrupted", null);
        } finally {
            deleteQuietly(output);
        }
    }

    private CheckOutcome ping(Path executable, Path output, long start) throws IOException, InterruptedException {
        String seconds = Long.toString(Math.max(1, timeout.toSeconds()));
        ProcessBuilder builder = new ProcessBuilder(executable.toString(), "-n", "-c", Integer.toString(count),
                "-W", seconds, "-w", seconds, host);
        builder.environment().put("LC_ALL", "C"); // ping's messages are translated; the parser reads English
        builder.redirectErrorStream(true).redirectOutput(output.toFile());
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.plus(KILL_GRACE).toNanos(), TimeUnit.NANOSECONDS)) {
                // past its own deadline ping is usually stuck resolving the name: the host was not tested
                return outcome(CheckStatus.UNKNOWN, start, "ping did not finish within "
                        + timeout.plus(KILL_GRACE).toMillis() + " ms and was stopped", null);
            }
        } finally {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(200, TimeUnit.MILLISECONDS);
            }
        }
        return evaluate(new String(Files.readAllBytes(output), StandardCharsets.UTF_8), start);
    }

    private CheckOutcome evaluate(String text, long start) {
        Optional<PingSummary> parsed = PingOutputParser.summary(text);
        if (parsed.isEmpty() || parsed.get().transmitted() == 0) {
            Optional<String> error = PingOutputParser.errorLine(text);
            if (error.isPresent() && PingOutputParser.isNameResolutionError(error.get())) {
                return outcome(CheckStatus.CRITICAL, start, error.get(), null);
            }
            return outcome(CheckStatus.UNKNOWN, start, error.orElse("ping printed no statistics"), null);
        }
        PingSummary summary = parsed.get();
        CheckStatus status = summary.lossPercent() >= 100 ? CheckStatus.CRITICAL
                : summary.lossPercent() > 0 ? CheckStatus.WARNING : CheckStatus.OK;
        StringBuilder line = new StringBuilder(host).append(": ").append(percent(summary.lossPercent()))
                .append(" packet loss");
        summary.rttAvgMillis().ifPresent(avg -> line.append(", rtt avg ").append(Timing.ms(avg)));
        summary.rttMaxMillis().ifPresent(max -> line.append(", max ").append(Timing.ms(max)));
        return outcome(status, start, line.toString(), summary);
    }

    private static CheckOutcome outcome(CheckStatus status, long start, String text, PingSummary summary) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(RemoteCheckMetrics.PING_UP, Timing.flag(CheckOutcome.isUp(status)));
        if (summary != null) {
            metrics.put(RemoteCheckMetrics.PING_LOSS_PCT, summary.lossPercent());
            summary.rttAvgMillis().ifPresent(avg -> metrics.put(RemoteCheckMetrics.PING_RTT_AVG_MS, avg));
            summary.rttMaxMillis().ifPresent(max -> metrics.put(RemoteCheckMetrics.PING_RTT_MAX_MS, max));
        }
        return new CheckOutcome(status, "PING " + status + " - " + text, metrics, Timing.since(start));
    }

    /** {@code 40%}, {@code 33.3%}: ping prints losses such as 33.3333%. */
    private static String percent(double value) {
        return value == Math.rint(value) ? (long) value + "%" : String.format(Locale.ROOT, "%.1f%%", value);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover temp file is harmless; the outcome matters more
            }
        }
    }

    @Override
    public String toString() {
        return "ping " + host + " x" + count + " within " + timeout.toMillis() + " ms";
    }
}

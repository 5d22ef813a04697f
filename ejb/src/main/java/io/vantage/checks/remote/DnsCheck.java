package io.vantage.checks.remote;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Checks that a name resolves, through the server's own resolver ({@link InetAddress#getAllByName(String)}, so
 * {@code /etc/hosts} and the system's DNS settings apply), and optionally that the answer contains given addresses.
 * CRITICAL when the name does not resolve, does not resolve in time, or an expected address is missing. Metrics
 * {@value RemoteCheckMetrics#DNS_UP}, {@value RemoteCheckMetrics#DNS_RESOLVE_MS} and
 * {@value RemoteCheckMetrics#DNS_ADDRESSES}.
 *
 * <p>The JVM caches answers ({@code networkaddress.cache.ttl}, 30 s by default, and failures for 10 s), so a run soon
 * after another may be answered from the cache in well under a millisecond.
 */
public final class DnsCheck implements RemoteCheck {

    private final String name;
    private final List<InetAddress> expected;
    private final Duration timeout;

    /**
     * @param expected addresses that must all be in the answer; empty when any answer will do
     * @throws InvalidCheckSpecException when the name or timeout is not acceptable
     */
    public DnsCheck(String name, Collection<InetAddress> expected, Duration timeout) {
        this.name = CheckArguments.requireHost("name", name);
        this.expected = List.copyOf(expected);
        this.timeout = CheckArguments.requireTimeout(timeout, Duration.ofMillis(1));
    }

    @Override
    public CheckOutcome run() {
        long start = System.nanoTime();
        Map<String, Double> metrics = new LinkedHashMap<>();
        List<InetAddress> answer;
        try {
            answer = BoundedResolver.resolve(name, timeout);
        } catch (UnknownHostException e) {
            metrics.put(RemoteCheckMetrics.DNS_ADDRESSES, 0.0);
            return outcome(CheckStatus.CRITICAL, start, name + " does not resolve" + reason(e), metrics);
        } catch (TimeoutException e) {
            return outcome(CheckStatus.CRITICAL, start, name + " did not resolve within " + timeout.toMillis()
                    + " ms", metrics);
        } catch (RejectedExecutionException e) {
            return outcome(CheckStatus.UNKNOWN, start, name + " not checked: too many name lookups pending", metrics);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return outcome(CheckStatus.UNKNOWN, start, name + " not checked: interrupted", metrics);
        }
        double millis = Timing.millisSince(start);
        metrics.put(RemoteCheckMetrics.DNS_RESOLVE_MS, millis);
        metrics.put(RemoteCheckMetrics.DNS_ADDRESSES, (double) answer.size());
        String resolved = name + " resolved to " + addresses(answer) + " in " + Timing.ms(millis);
        List<InetAddress> missing = expected.stream().filter(address -> !answer.contains(address))
                .collect(Collectors.toList());
        if (!missing.isEmpty()) {
            return outcome(CheckStatus.CRITICAL, start, resolved + ", missing expected " + addresses(missing), metrics);
        }
        return outcome(CheckStatus.OK, start, resolved, metrics);
    }

    private static String reason(UnknownHostException e) {
        // the JDK's message is "<name>: Name or service not known", or just the name
        String message = e.getMessage();
        int colon = message == null ? -1 : message.lastIndexOf(": ");
        return colon < 0 ? "" : " (" + message.substring(colon + 2) + ")";
    }

    private static String addresses(List<InetAddress> list) {
        return list.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(", "));
    }

    private static CheckOutcome outcome(CheckStatus status, long start, String text, Map<String, Double> measured) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(RemoteCheckMetrics.DNS_UP, Timing.flag(CheckOutcome.isUp(status)));
        metrics.putAll(measured);
        return new CheckOutcome(status, "DNS " + status + " - " + text, metrics, Timing.since(start));
    }

    @Override
    public String toString() {
        return "dns " + name + (expected.isEmpty() ? "" : " expecting " + addresses(expected)) + " within "
                + timeout.toMillis() + " ms";
    }
}

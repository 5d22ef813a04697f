package io.vantage.checks.remote;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Checks that a TCP port accepts connections, like Nagios' {@code check_tcp}: OK when the three-way handshake
 * completes within the timeout, CRITICAL otherwise. Nothing is sent; the connection is closed at once. Metrics
 * {@value RemoteCheckMetrics#TCP_UP} and {@value RemoteCheckMetrics#TCP_CONNECT_MS}.
 *
 * <p>The timeout covers the name lookup and the connection together. When a name has several addresses they are
 * tried in the resolver's order until one accepts or time runs out.
 */
public final class TcpConnectCheck implements RemoteCheck {

    private final String host;
    private final int port;
    private final Duration timeout;

    /** @throws InvalidCheckSpecException when the host, port or timeout is not acceptable */
    public TcpConnectCheck(String host, int port, Duration timeout) {
        this.host = CheckArguments.requireHost("host", host);
        this.port = CheckArguments.requirePort(port);
        this.timeout = CheckArguments.requireTimeout(timeout, Duration.ofMillis(1));
    }

    @Override
    public CheckOutcome run() {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        String target = CheckArguments.hostAndPort(host, port);
        List<InetAddress> addresses;
        try {
            addresses = BoundedResolver.resolve(host, timeout);
        } catch (UnknownHostException e) {
            return critical(start, target + ": name does not resolve");
        } catch (TimeoutException e) {
            return critical(start, target + ": name lookup timed out after " + timeout.toMillis() + " ms");
        } catch (RejectedExecutionException e) {
            return outcome(CheckStatus.UNKNOWN, start, target + " not checked: too many name lookups pending", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return outcome(CheckStatus.UNKNOWN, start, target + " not checked: interrupted", null);
        }
        String failure = "no address";
        for (InetAddress address : addresses) {
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis < 1) {
                failure = "connection timed out after " + timeout.toMillis() + " ms";
                break;
            }
            long connectStart = System.nanoTime();
            try (Socket socket = new Socket()) {
                // the int cast is safe: timeouts are at most a minute
                socket.connect(new InetSocketAddress(address, port), (int) remainingMillis);
                double connectMillis = Timing.millisSince(connectStart);
                return outcome(CheckStatus.OK, start, target + " connected in " + Timing.ms(connectMillis),
                        connectMillis);
            } catch (SocketTimeoutException e) {
                failure = "connection timed out after " + timeout.toMillis() + " ms";
            } catch (IOException e) {
                failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        }
        return critical(start, target + ": " + failure);
    }

    private static CheckOutcome critical(long start, String text) {
        return outcome(CheckStatus.CRITICAL, start, text, null);
    }

    private static CheckOutcome outcome(CheckStatus status, long start, String text, Double connectMillis) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(RemoteCheckMetrics.TCP_UP, Timing.flag(CheckOutcome.isUp(status)));
        if (connectMillis != null) {
            metrics.put(RemoteCheckMetrics.TCP_CONNECT_MS, connectMillis);
        }
        return new CheckOutcome(status, "TCP " + status + " - " + text, metrics, Timing.since(start));
    }

    @Override
    public String toString() {
        return "tcp " + CheckArguments.hostAndPort(host, port) + " within " + timeout.toMillis() + " ms";
    }
}

package io.vantage.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The alert probe's measurement: alternately pushes a breaching sample (about 95, above the critical 90) and a
 * recovering one (about 10, below the clear level 80), one push every interval plus a random jitter (and never before
 * the previous push's notice, or its timeout), and times each push until the webhook notice it causes arrives: a
 * PROBLEM for a breach, a RESOLVED for a recovery, so that every breach opens a new problem. The n-th pair carries
 * 95 + n/1000 and 10 + n/1000, so each notice names the push it answers. A breach without its PROBLEM within the
 * timeout is lost, as is a recovery without its RESOLVED; both are listed, and the series goes on.
 *
 * <p>A lost push that the server did not even acknowledge leaves the alert where it was, so the probe does what an
 * agent does about an unanswered batch: it reconnects and pushes the same value again, and waits for that notice
 * (not measured) before going on, so that one server hiccup counts as one lost push, not as every push after it.
 */
final class BreachLoop {

    /** What a series measured: push-to-webhook times of the notices that came, and the pushes whose never did. */
    record Outcome(Latencies problems, Latencies resolutions, List<Integer> lostBreaches,
                   List<Integer> lostRecoveries, long firstProblemNanos, int reconnects) {
    }

    private final ProbeAgent probe;
    private final NoticeMatcher matcher;
    private final String metric;
    private final long intervalNanos;
    private final int jitterMillis;
    private final long timeoutNanos;
    private final Random random = new Random();
    private int reconnects;

    BreachLoop(ProbeAgent probe, NoticeMatcher matcher, String metric, int intervalMillis, int jitterMillis,
               int timeoutSeconds) {
        this.probe = probe;
        this.matcher = matcher;
        this.metric = metric;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.jitterMillis = jitterMillis;
        this.timeoutNanos = TimeUnit.SECONDS.toNanos(timeoutSeconds);
    }

    static double breachValue(int n) {
        return 95 + (n % 1000) / 1000.0;
    }

    static double recoveryValue(int n) {
        return 10 + (n % 1000) / 1000.0;
    }

    Outcome run(int breaches) throws IOException, InterruptedException {
        Latencies problems = new Latencies();
        Latencies resolutions = new Latencies();
        List<Integer> lostBreaches = new ArrayList<>();
        List<Integer> lostRecoveries = new ArrayList<>();
        long first = -1;
        for (int n = 1; n <= breaches; n++) {
            long breachSent = probe.push(metric, breachValue(n));
            long problemNanos = await("PROBLEM", breachValue(n), breachSent);
            if (problemNanos < 0) {
                lostBreaches.add(n);
            } else {
                problems.record(problemNanos);
            }
            if (n == 1) {
                first = problemNanos;
            }
            pauseAfter(breachSent);

            long recoverySent = probe.push(metric, recoveryValue(n));
            long resolvedNanos = await("RESOLVED", recoveryValue(n), recoverySent);
            if (resolvedNanos < 0) {
                lostRecoveries.add(n);
            } else {
                resolutions.record(resolvedNanos);
            }
            System.out.printf("breach %d: PROBLEM %s, RESOLVED %s%n", n, describe(problemNanos),
                    describe(resolvedNanos));
            System.out.flush();
            pauseAfter(recoverySent);
        }
        return new Outcome(problems, resolutions, lostBreaches, lostRecoveries, first, reconnects);
    }

    /** Push-to-notice time of the push sent at {@code sentNanos}; -1 when its notice did not come in time. */
    private long await(String kind, double value, long sentNanos) throws IOException, InterruptedException {
        WebhookNotice notice = matcher.await(kind, value, sentNanos + timeoutNanos);
        if (notice != null) {
            return notice.arrivedNanos() - sentNanos;
        }
        if (probe.unacknowledged() > 0) {
            reconnects++;
            System.out.printf("the push of %s was not acknowledged within the timeout: the probe reconnects and "
                    + "pushes it again%n", value);
            probe.reconnect();
            long again = probe.push(metric, value);
            WebhookNotice repeated = matcher.await(kind, value, again + timeoutNanos);
            if (repeated == null) {
                throw new IOException("after reconnecting, the probe's repeated push of " + value + " got no " + kind
                        + " either (acknowledged: " + (probe.unacknowledged() == 0) + ")");
            }
            System.out.printf("the repeated push's %s came after %s ms (not counted)%n", kind,
                    Latencies.millis(repeated.arrivedNanos() - again));
        }
        return -1;
    }

    private String describe(long nanos) {
        return nanos < 0 ? "LOST (none within " + TimeUnit.NANOSECONDS.toSeconds(timeoutNanos) + " s)"
                : "after " + Latencies.millis(nanos) + " ms";
    }

    private void pauseAfter(long sentNanos) throws InterruptedException {
        long next = sentNanos + intervalNanos + TimeUnit.MILLISECONDS.toNanos(random.nextInt(jitterMillis + 1));
        long wait = next - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}

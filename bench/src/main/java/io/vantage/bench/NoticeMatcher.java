package io.vantage.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Pairs each sample the alert probe pushed with the webhook notice it caused. A notice matches a wait when it is
 * about the benchmark's monitor, of the expected kind (PROBLEM for a breach, RESOLVED for a recovery) and carries the
 * pushed value, which is unique per push, and arrived by the deadline. Whatever else is taken from the queue while
 * waiting is tallied, never dropped silently: a repeated delivery id is a duplicate, another monitor's notice is
 * foreign, and a notice of this monitor that matches no wait (a PROBLEM arriving after its breach was counted lost,
 * an unexpected kind) is unmatched and kept for the report.
 */
final class NoticeMatcher {

    /** Pushed values differ by 0.001; the server may hand them back through a float. */
    private static final double VALUE_TOLERANCE = 1e-4;

    private final BlockingQueue<WebhookNotice> queue;
    private final long monitorId;
    private final Set<String> seen = new HashSet<>();
    private final List<WebhookNotice> unmatched = new ArrayList<>();
    private int duplicates;
    private int foreign;

    NoticeMatcher(BlockingQueue<WebhookNotice> queue, long monitorId) {
        this.queue = queue;
        this.monitorId = monitorId;
    }

    /**
     * Waits for the notice of {@code kind} carrying {@code value}.
     *
     * @return the notice, or null if none arrived by {@code deadlineNanos} ({@link System#nanoTime()})
     */
    WebhookNotice await(String kind, double value, long deadlineNanos) throws InterruptedException {
        while (true) {
            long left = deadlineNanos - System.nanoTime();
            WebhookNotice notice = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
            if (notice == null) {
                return null;
            }
            if (notice.monitorId() != monitorId) {
                foreign++;
            } else if (!seen.add(notice.id())) {
                duplicates++;
            } else if (kind.equals(notice.kind()) && Math.abs(notice.value() - value) < VALUE_TOLERANCE
                    && notice.arrivedNanos() <= deadlineNanos) {
                return notice;
            } else {
                unmatched.add(notice);
            }
        }
    }

    /** Notices of this monitor that matched no wait, in arrival order. */
    List<WebhookNotice> unmatched() {
        return unmatched;
    }

    int duplicates() {
        return duplicates;
    }

    int foreign() {
        return foreign;
    }
}

package io.vantage.alerts.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When an alert changes severity so often that notifying each change would only be noise. More than
 * {@code maxChanges} changes inside the sliding {@code window} make the alert flapping; it stops flapping once
 * the changes inside the window are down to half of {@code maxChanges} or fewer, so that an alert right at the
 * limit does not start and stop flapping over and over.
 */
public record FlapPolicy(int maxChanges, Duration window) {

    public FlapPolicy {
        if (maxChanges < 2) {
            throw new InvalidRuleException("flap maxChanges must be at least 2, was " + maxChanges
                    + ": with fewer, a single raise and clear would count as flapping");
        }
        if (window == null || window.isZero() || window.isNegative()) {
            throw new InvalidRuleException("flap window must be longer than zero, was " + window);
        }
    }

    /** Whether this many changes inside the window make an alert start flapping. */
    public boolean isExceededBy(int changesInWindow) {
        return changesInWindow > maxChanges;
    }

    /** Whether a flapping alert with this many changes inside the window has calmed down. */
    public boolean isSettledAt(int changesInWindow) {
        return changesInWindow <= maxChanges / 2;
    }

    /**
     * The changes, oldest first, that still count at {@code now}: those no older than the window. Only the newest
     * {@code maxChanges + 1} are kept, because no decision needs to count further, and the list is persisted.
     */
    public List<Instant> recent(List<Instant> changes, Instant now) {
        List<Instant> inside = new ArrayList<>(changes.size());
        for (Instant change : changes) {
            if (Duration.between(change, now).compareTo(window) <= 0) {
                inside.add(change);
            }
        }
        int keep = Math.min(inside.size(), maxChanges + 1);
        return List.copyOf(inside.subList(inside.size() - keep, inside.size()));
    }
}

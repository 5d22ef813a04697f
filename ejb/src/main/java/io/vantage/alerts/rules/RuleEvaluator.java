package io.vantage.alerts.rules;

import io.vantage.alerts.rules.AlertTransition.Reason;
import io.vantage.persistence.alerts.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Moves an alert's {@link RuleState} on when a sample arrives or when the metric has been silent, and says which
 * {@link AlertTransition}s that causes. It holds nothing and reads no clock: the same rule, state and input always
 * give the same evaluation, so one instance can serve every rule on every thread, and a history can be replayed.
 */
public final class RuleEvaluator {

    /**
     * Evaluates one sample. A sample no newer than the last one evaluated is ignored, because replayed or
     * reordered deliveries must not move the alert back and forth.
     */
    public Evaluation onSample(AlertRule rule, RuleState state, TimedValue sample) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(sample, "sample");
        if (state.lastSampleAt() != null && !sample.at().isAfter(state.lastSampleAt())) {
            return new Evaluation(state, List.of());
        }
        List<AlertTransition> transitions = new ArrayList<>();
        RuleState next = state.withSample(sample);
        next = state.isNoData() ? resume(rule, next, sample, transitions) : judge(rule, next, sample, transitions);
        next = reviewFlapping(rule, next, sample, transitions);
        return new Evaluation(next, transitions);
    }

    /**
     * Raises the rule's no-data severity if the metric has been silent for at least the rule's {@code noDataAfter}
     * at {@code now}, even when the alert already has that severity: people must learn that the data stopped. It
     * fires once per silence; the next sample ends it.
     */
    public Evaluation onSilence(AlertRule rule, RuleState state, Instant now) {
        Objects.requireNonNull(now, "now");
        Instant deadline = silenceDeadline(rule, state);
        if (deadline == null || now.isBefore(deadline)) {
            return new Evaluation(state, List.of());
        }
        Severity to = rule.noDataSeverity();
        AlertTransition silence = new AlertTransition(state.severity(), to, now, null, Reason.NO_DATA, false);
        return new Evaluation(state.withSeverity(to, now).withNoData(true), List.of(silence));
    }

    /**
     * When {@link #onSilence} would raise no-data if no sample arrives before: null if the rule has no no-data
     * condition, no sample was ever seen, or the metric is already known to be silent.
     */
    public Instant silenceDeadline(AlertRule rule, RuleState state) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(state, "state");
        Duration after = rule.noDataAfter();
        Instant last = state.lastSampleAt();
        if (after == null || last == null || state.isNoData()) {
            return null;
        }
        // A deadline past the end of time never comes; Instant.plus would throw instead.
        return Duration.between(last, Instant.MAX).compareTo(after) < 0 ? null : last.plus(after);
    }

    private static RuleState resume(AlertRule rule, RuleState state, TimedValue sample,
            List<AlertTransition> transitions) {
        // Whatever was held or pending before the silence says nothing about the metric now.
        Severity to = rule.thresholds().triggerLevel(sample.value());
        transitions.add(new AlertTransition(state.severity(), to, sample.at(), sample.value(), Reason.DATA_RESUMED,
                false));
        return state.withSeverity(to, sample.at()).withNoData(false);
    }

    private static RuleState judge(AlertRule rule, RuleState state, TimedValue sample,
            List<AlertTransition> transitions) {
        Thresholds thresholds = rule.thresholds();
        Severity current = state.severity();
        Severity candidate = Severity.worst(thresholds.triggerLevel(sample.value()),
                thresholds.holdLevel(current, sample.value()));
        if (candidate == current) {
            return state.withoutPending();
        }
        RuleState pending = candidate == state.pending()
                ? state.withPending(candidate, increment(state.pendingCount()), state.pendingSince())
                : state.withPending(candidate, 1, sample.at());
        if (!rule.isDue(pending.pendingCount(), Duration.between(pending.pendingSince(), sample.at()))) {
            return pending;
        }
        return change(rule, pending, candidate, sample, transitions);
    }

    private static RuleState change(AlertRule rule, RuleState state, Severity to, TimedValue sample,
            List<AlertTransition> transitions) {
        Severity from = state.severity();
        RuleState changed = state.withSeverity(to, sample.at());
        FlapPolicy flap = rule.flap();
        if (flap == null) {
            transitions.add(new AlertTransition(from, to, sample.at(), sample.value(), Reason.THRESHOLD, false));
            return changed;
        }
        List<Instant> changes = new ArrayList<>(state.recentChanges());
        changes.add(sample.at());
        changes = flap.recent(changes, sample.at());
        boolean starts = !state.isFlapping() && flap.isExceededBy(changes.size());
        boolean flapping = state.isFlapping() || starts;
        transitions.add(new AlertTransition(from, to, sample.at(), sample.value(), Reason.THRESHOLD, flapping));
        if (starts) {
            transitions.add(new AlertTransition(to, to, sample.at(), sample.value(), Reason.FLAPPING_STARTED,
                    false));
        }
        return changed.withFlapping(flapping, changes);
    }

    /**
     * Every sample moves the flap window on, so a flapping alert can settle on a sample that changes nothing. A
     * rule whose flap policy was removed stops flapping on its next sample.
     */
    private static RuleState reviewFlapping(AlertRule rule, RuleState state, TimedValue sample,
            List<AlertTransition> transitions) {
        FlapPolicy flap = rule.flap();
        List<Instant> changes = flap == null ? List.of() : flap.recent(state.recentChanges(), sample.at());
        boolean ends = state.isFlapping() && (flap == null || flap.isSettledAt(changes.size()));
        if (ends) {
            transitions.add(new AlertTransition(state.severity(), state.severity(), sample.at(), sample.value(),
                    Reason.FLAPPING_ENDED, false));
        }
        return state.withFlapping(state.isFlapping() && !ends, changes);
    }

    private static int increment(int count) {
        return count == Integer.MAX_VALUE ? count : count + 1;
    }
}

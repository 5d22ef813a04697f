package io.vantage.alerts.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What a rule would have done over recorded samples: every transition it would have produced, in order,
 * including the no-data alerts for the gaps in the history. Lets people try a rule, or a change to one, before it
 * goes live.
 */
public final class DryRun {

    private final RuleEvaluator evaluator;

    public DryRun() {
        this(new RuleEvaluator());
    }

    public DryRun(RuleEvaluator evaluator) {
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
    }

    /**
     * Replays the history, in time order whatever the list's order, from the initial state. Silence is checked
     * between samples only: the history says nothing about what came after its last sample.
     */
    public List<AlertTransition> replay(AlertRule rule, List<TimedValue> history) {
        return run(rule, history, null);
    }

    /**
     * Replays the history like {@link #replay(AlertRule, List)}, and then raises no-data if the rule would have by
     * {@code until}, because the history is known to be complete up to then.
     */
    public List<AlertTransition> replay(AlertRule rule, List<TimedValue> history, Instant until) {
        return run(rule, history, Objects.requireNonNull(until, "until"));
    }

    private List<AlertTransition> run(AlertRule rule, List<TimedValue> history, Instant until) {
        Objects.requireNonNull(rule, "rule");
        List<TimedValue> samples = new ArrayList<>(history);
        // Stable, so of two samples taken at the same time the first listed counts and the second is a replay.
        samples.sort(Comparator.comparing(TimedValue::at));
        List<AlertTransition> transitions = new ArrayList<>();
        RuleState state = RuleState.initial();
        for (TimedValue sample : samples) {
            Instant deadline = evaluator.silenceDeadline(rule, state);
            // A sample arriving right at the deadline would race the live no-data check; the sample wins here.
            if (deadline != null && deadline.isBefore(sample.at())) {
                state = collect(evaluator.onSilence(rule, state, deadline), transitions);
            }
            state = collect(evaluator.onSample(rule, state, sample), transitions);
        }
        Instant deadline = evaluator.silenceDeadline(rule, state);
        if (until != null && deadline != null && !deadline.isAfter(until)) {
            collect(evaluator.onSilence(rule, state, deadline), transitions);
        }
        return List.copyOf(transitions);
    }

    private static RuleState collect(Evaluation evaluation, List<AlertTransition> transitions) {
        transitions.addAll(evaluation.transitions());
        return evaluation.state();
    }
}

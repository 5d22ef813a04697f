package io.vantage.alerts.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vantage.alerts.rules.AlertTransition.Reason;
import io.vantage.persistence.alerts.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays samples and silences against one rule the way a service would, storing the state through its text form
 * between steps, so every evaluator test also proves the stored state is enough to carry on.
 */
final class AlertScript {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final RuleEvaluator evaluator = new RuleEvaluator();
    private final AlertRule rule;
    private RuleState state;

    AlertScript(AlertRule rule) {
        this(rule, RuleState.initial());
    }

    AlertScript(AlertRule rule, RuleState state) {
        this.rule = rule;
        this.state = state;
    }

    /** Evaluates {@code value} sampled {@code seconds} after T0. */
    List<AlertTransition> sample(long seconds, double value) {
        return keep(evaluator.onSample(rule, state, new TimedValue(at(seconds), value)));
    }

    /** Feeds the values one second apart, starting {@code seconds} after T0, and returns all transitions. */
    List<AlertTransition> samples(long seconds, double... values) {
        List<AlertTransition> all = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            all.addAll(sample(seconds + i, values[i]));
        }
        return all;
    }

    List<AlertTransition> silence(long seconds) {
        return keep(evaluator.onSilence(rule, state, at(seconds)));
    }

    Instant deadline() {
        return evaluator.silenceDeadline(rule, state);
    }

    RuleState state() {
        return state;
    }

    Severity severity() {
        return state.severity();
    }

    private List<AlertTransition> keep(Evaluation evaluation) {
        RuleState stored = RuleState.decode(evaluation.state().encode());
        assertEquals(evaluation.state(), stored);
        state = stored;
        return evaluation.transitions();
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static AlertTransition threshold(Severity from, Severity to, long seconds, double value) {
        return new AlertTransition(from, to, at(seconds), value, Reason.THRESHOLD, false);
    }

    static AlertTransition quietThreshold(Severity from, Severity to, long seconds, double value) {
        return new AlertTransition(from, to, at(seconds), value, Reason.THRESHOLD, true);
    }

    static AlertTransition noData(Severity from, Severity to, long seconds) {
        return new AlertTransition(from, to, at(seconds), null, Reason.NO_DATA, false);
    }

    static AlertTransition dataResumed(Severity from, Severity to, long seconds, double value) {
        return new AlertTransition(from, to, at(seconds), value, Reason.DATA_RESUMED, false);
    }

    static AlertTransition flapping(Reason reason, Severity severity, long seconds, double value) {
        return new AlertTransition(severity, severity, at(seconds), value, reason, false);
    }
}

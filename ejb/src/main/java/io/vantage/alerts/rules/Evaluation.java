package io.vantage.alerts.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of evaluating a rule once: the state to store for next time and what happened, in the order it
 * happened. Most evaluations have no transitions.
 */
public record Evaluation(RuleState state, List<AlertTransition> transitions) {

    public Evaluation {
        if (state == null) {
            throw new IllegalArgumentException("an evaluation needs the resulting state");
        }
        transitions = List.copyOf(transitions);
    }

    /** The transitions people should be told about; the quiet ones are left out. */
    public List<AlertTransition> toNotify() {
        List<AlertTransition> notified = new ArrayList<>();
        for (AlertTransition transition : transitions) {
            if (transition.notifies()) {
                notified.add(transition);
            }
        }
        return notified;
    }
}

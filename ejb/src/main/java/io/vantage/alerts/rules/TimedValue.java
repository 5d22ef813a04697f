package io.vantage.alerts.rules;

import java.time.Instant;

/** One measurement of the metric a rule watches, at the time it was taken (the agent's time, not arrival). */
public record TimedValue(Instant at, double value) {

    public TimedValue {
        if (at == null) {
            throw new IllegalArgumentException("a sample needs the time it was taken");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("sample value at " + at + " must be a finite number, not " + value);
        }
    }
}

package io.vantage.alerts.rules;

import io.vantage.persistence.alerts.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where one alert stands between samples: its severity and since when, the severity it is leaning towards and
 * for how long, the last sample seen, whether the metric has gone silent, and the recent severity changes that
 * tell whether it is flapping. Only {@link RuleEvaluator} moves it on; services keep it in one database column
 * through {@link #encode()} and {@link #decode(String)}.
 */
public final class RuleState {

    private static final RuleState INITIAL = new RuleState(Severity.OK, null, null, 0, null, null, null, false,
            List.of(), false);

    private final Severity severity;
    private final Instant since;
    private final Severity pending;
    private final int pendingCount;
    private final Instant pendingSince;
    private final Instant lastSampleAt;
    private final Double lastValue;
    private final boolean noData;
    private final List<Instant> recentChanges;
    private final boolean flapping;

    RuleState(Severity severity, Instant since, Severity pending, int pendingCount, Instant pendingSince,
            Instant lastSampleAt, Double lastValue, boolean noData, List<Instant> recentChanges, boolean flapping) {
        this.severity = require(severity, "a severity");
        this.since = since;
        this.pending = pending;
        this.pendingCount = pendingCount;
        this.pendingSince = pendingSince;
        this.lastSampleAt = lastSampleAt;
        this.lastValue = lastValue;
        this.noData = noData;
        this.recentChanges = List.copyOf(require(recentChanges, "a list of recent changes"));
        this.flapping = flapping;
        check((pending == null) == (pendingSince == null) && (pending == null) == (pendingCount == 0)
                && pendingCount >= 0, "a pending severity goes with a positive count and a first time");
        check(pending != severity, "the pending severity must differ from the current one");
        check((lastSampleAt == null) == (lastValue == null), "the last sample needs both a time and a value");
        check(lastValue == null || Double.isFinite(lastValue), "the last value must be finite");
        check(lastSampleAt == null || since != null, "a state that has seen samples knows since when it holds");
        check(!noData || lastSampleAt != null, "only a metric that reported can go silent");
        for (int i = 1; i < this.recentChanges.size(); i++) {
            check(!this.recentChanges.get(i).isBefore(this.recentChanges.get(i - 1)),
                    "recent changes must be oldest first");
        }
    }

    /** The state of a rule that has not seen any sample: OK, nothing pending, not flapping. */
    public static RuleState initial() {
        return INITIAL;
    }

    /** Reads a state written by {@link #encode()}; throws IllegalArgumentException saying what is wrong. */
    public static RuleState decode(String encoded) {
        return RuleStateCodec.decode(encoded);
    }

    /** A short single-line text holding the whole state, exactly; see {@link #decode(String)}. */
    public String encode() {
        return RuleStateCodec.encode(this);
    }

    public Severity severity() {
        return severity;
    }

    /** Since when the alert has had its severity; null before the first sample. */
    public Instant since() {
        return since;
    }

    /** The severity the samples are calling for but that is not due yet, or null. */
    public Severity pending() {
        return pending;
    }

    /** How many samples in a row have called for the pending severity; 0 when nothing is pending. */
    public int pendingCount() {
        return pendingCount;
    }

    /** The time of the first sample that called for the pending severity, or null. */
    public Instant pendingSince() {
        return pendingSince;
    }

    /** The time of the newest sample evaluated; older or equal samples are ignored. Null before the first. */
    public Instant lastSampleAt() {
        return lastSampleAt;
    }

    /** The value of the newest sample evaluated, or null before the first. */
    public Double lastValue() {
        return lastValue;
    }

    /** Whether the metric has stopped reporting and the severity is the rule's no-data severity. */
    public boolean isNoData() {
        return noData;
    }

    /** When the recent severity changes happened, oldest first; only kept for rules with a flap policy. */
    public List<Instant> recentChanges() {
        return recentChanges;
    }

    /** Whether severity changes are currently recorded without being notified. */
    public boolean isFlapping() {
        return flapping;
    }

    RuleState withSample(TimedValue sample) {
        return new RuleState(severity, since == null ? sample.at() : since, pending, pendingCount, pendingSince,
                sample.at(), sample.value(), noData, recentChanges, flapping);
    }

    RuleState withPending(Severity candidate, int count, Instant first) {
        return new RuleState(severity, since, candidate, count, first, lastSampleAt, lastValue, noData,
                recentChanges, flapping);
    }

    RuleState withoutPending() {
        return new RuleState(severity, since, null, 0, null, lastSampleAt, lastValue, noData, recentChanges,
                flapping);
    }

    /** The state at {@code to} from {@code at} (kept if the severity stays), with nothing pending any more. */
    RuleState withSeverity(Severity to, Instant at) {
        return new RuleState(to, to == severity ? since : at, null, 0, null, lastSampleAt, lastValue, noData,
                recentChanges, flapping);
    }

    RuleState withNoData(boolean silent) {
        return new RuleState(severity, since, pending, pendingCount, pendingSince, lastSampleAt, lastValue, silent,
                recentChanges, flapping);
    }

    RuleState withFlapping(boolean isFlapping, List<Instant> changes) {
        return new RuleState(severity, since, pending, pendingCount, pendingSince, lastSampleAt, lastValue, noData,
                changes, isFlapping);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof RuleState)) {
            return false;
        }
        RuleState that = (RuleState) other;
        return severity == that.severity && Objects.equals(since, that.since) && pending == that.pending
                && pendingCount == that.pendingCount && Objects.equals(pendingSince, that.pendingSince)
                && Objects.equals(lastSampleAt, that.lastSampleAt) && Objects.equals(lastValue, that.lastValue)
                && noData == that.noData && recentChanges.equals(that.recentChanges) && flapping == that.flapping;
    }

    @Override
    public int hashCode() {
        return Objects.hash(severity, since, pending, pendingCount, pendingSince, lastSampleAt, lastValue, noData,
                recentChanges, flapping);
    }

    @Override
    public String toString() {
        return "RuleState[" + severity + " since " + since + (noData ? ", no data" : "")
                + (flapping ? ", flapping" : "") + (pending == null ? "" : ", pending " + pending + " x"
                + pendingCount + " since " + pendingSince) + ", last " + lastValue + " at " + lastSampleAt
                + ", recent changes " + recentChanges + "]";
    }

    private static <T> T require(T value, String what) {
        check(value != null, "a rule state needs " + what);
        return value;
    }

    private static void check(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}

package io.vantage.alerts.rules;

import static io.vantage.alerts.rules.AlertScript.at;
import static io.vantage.alerts.rules.AlertScript.dataResumed;
import static io.vantage.alerts.rules.AlertScript.flapping;
import static io.vantage.alerts.rules.AlertScript.noData;
import static io.vantage.alerts.rules.AlertScript.quietThreshold;
import static io.vantage.alerts.rules.AlertScript.threshold;
import static io.vantage.alerts.rules.AlertTransition.Reason.FLAPPING_ENDED;
import static io.vantage.alerts.rules.AlertTransition.Reason.FLAPPING_STARTED;
import static io.vantage.persistence.alerts.Severity.CRITICAL;
import static io.vantage.persistence.alerts.Severity.OK;
import static io.vantage.persistence.alerts.Severity.WARNING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vantage.persistence.alerts.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DryRunTest {

    private static final Thresholds CPU = Thresholds.above(80.0, 90.0).withWarningClear(70).withCriticalClear(85);
    private static final AlertRule RULE = AlertRule.of(CPU).withNoData(Duration.ofMinutes(5), null);

    private final DryRun dryRun = new DryRun();

    @Test
    void replayReturnsEveryTransitionInOrder() {
        List<TimedValue> history = List.of(sample(0, 50), sample(60, 85), sample(120, 95), sample(180, 60));
        assertEquals(List.of(threshold(OK, WARNING, 60, 85), threshold(WARNING, CRITICAL, 120, 95),
                threshold(CRITICAL, OK, 180, 60)), dryRun.replay(RULE, history));
    }

    @Test
    void replaySortsTheHistoryByTimeWithoutTouchingTheCallersList() {
        List<TimedValue> sorted = List.of(sample(0, 50), sample(60, 85), sample(120, 95), sample(180, 60));
        List<TimedValue> shuffled = new ArrayList<>(sorted);
        Collections.reverse(shuffled);
        List<TimedValue> before = List.copyOf(shuffled);
        assertEquals(dryRun.replay(RULE, sorted), dryRun.replay(RULE, shuffled));
        assertEquals(before, shuffled);
    }

    @Test
    void ofTwoSamplesAtTheSameTimeTheFirstListedCounts() {
        List<TimedValue> history = List.of(sample(0, 95), sample(0, 50));
        assertEquals(List.of(threshold(OK, CRITICAL, 0, 95)), dryRun.replay(RULE, history));
    }

    @Test
    void aGapLongerThanNoDataAfterRaisesNoDataAtTheDeadline() {
        List<TimedValue> history = List.of(sample(0, 50), sample(60, 50), sample(1_000, 50));
        assertEquals(List.of(noData(OK, CRITICAL, 360), dataResumed(CRITICAL, OK, 1_000, 50)),
                dryRun.replay(RULE, history));
    }

    @Test
    void everyGapRaisesItsOwnNoData() {
        List<TimedValue> history = List.of(sample(0, 50), sample(1_000, 85), sample(2_000, 50));
        assertEquals(List.of(noData(OK, CRITICAL, 300), dataResumed(CRITICAL, WARNING, 1_000, 85),
                noData(WARNING, CRITICAL, 1_300), dataResumed(CRITICAL, OK, 2_000, 50)),
                dryRun.replay(RULE, history));
    }

    @Test
    void aGapOfExactlyNoDataAfterRaisesNothing() {
        assertEquals(List.of(), dryRun.replay(RULE, List.of(sample(0, 50), sample(300, 50))));
    }

    @Test
    void aRuleWithoutNoDataAfterIgnoresGaps() {
        assertEquals(List.of(), dryRun.replay(AlertRule.of(CPU), List.of(sample(0, 50), sample(86_400, 50))));
    }

    @Test
    void withoutUntilNothingIsAssumedAfterTheLastSample() {
        assertEquals(List.of(threshold(OK, WARNING, 0, 85)), dryRun.replay(RULE, List.of(sample(0, 85))));
    }

    @Test
    void untilRaisesNoDataForASilenceAfterTheLastSample() {
        List<TimedValue> history = List.of(sample(0, 85));
        assertEquals(List.of(threshold(OK, WARNING, 0, 85), noData(WARNING, CRITICAL, 300)),
                dryRun.replay(RULE, history, at(3_600)));
    }

    @Test
    void untilRaisesNoDataOnlyOnceTheDeadlineIsReached() {
        List<TimedValue> history = List.of(sample(0, 50));
        assertEquals(List.of(), dryRun.replay(RULE, history, at(299)));
        assertEquals(List.of(noData(OK, CRITICAL, 300)), dryRun.replay(RULE, history, at(300)));
    }

    @Test
    void anEmptyHistoryRaisesNothingEvenWithUntil() {
        assertEquals(List.of(), dryRun.replay(RULE, List.of()));
        assertEquals(List.of(), dryRun.replay(RULE, List.of(), at(86_400)));
    }

    @Test
    void aDryRunAppliesConsecutiveHysteresisAndFlappingLikeTheLiveEvaluator() {
        AlertRule rule = RULE.withConsecutive(2).withFlap(new FlapPolicy(2, Duration.ofMinutes(10)));
        List<TimedValue> history = List.of(
                sample(0, 85), sample(30, 85),
                sample(60, 75), sample(90, 60), sample(120, 60),
                sample(150, 95), sample(180, 95),
                sample(210, 88), sample(240, 50), sample(270, 50),
                sample(900, 50));
        assertEquals(List.of(
                threshold(OK, WARNING, 30, 85),
                threshold(WARNING, OK, 120, 60),
                quietThreshold(OK, CRITICAL, 180, 95), flapping(FLAPPING_STARTED, CRITICAL, 180, 95),
                quietThreshold(CRITICAL, OK, 270, 50),
                noData(OK, CRITICAL, 570), dataResumed(CRITICAL, OK, 900, 50), flapping(FLAPPING_ENDED, OK, 900, 50)),
                dryRun.replay(rule, history));
    }

    private static TimedValue sample(long seconds, double value) {
        return new TimedValue(at(seconds), value);
    }
}

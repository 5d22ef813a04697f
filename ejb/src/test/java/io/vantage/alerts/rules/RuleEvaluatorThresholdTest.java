package io.vantage.alerts.rules;

import static io.vantage.alerts.rules.AlertScript.T0;
import static io.vantage.alerts.rules.AlertScript.at;
import static io.vantage.alerts.rules.AlertScript.threshold;
import static io.vantage.persistence.alerts.Severity.CRITICAL;
import static io.vantage.persistence.alerts.Severity.OK;
import static io.vantage.persistence.alerts.Severity.WARNING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.persistence.alerts.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleEvaluatorThresholdTest {

    /** CPU: warning over 80 until back to 70, critical over 90 until back to 85. */
    private static final AlertRule CPU = AlertRule.of(Thresholds.above(80.0, 90.0).withWarningClear(70)
            .withCriticalClear(85));
    /** Free disk: warning under 20 until back to 25, critical under 10 until back to 12. */
    private static final AlertRule DISK = AlertRule.of(Thresholds.below(20.0, 10.0).withWarningClear(25)
            .withCriticalClear(12));

    @Test
    void aHealthyValueKeepsTheAlertOkWithoutTransitions() {
        AlertScript script = new AlertScript(CPU);
        assertEquals(List.of(), script.sample(0, 50));
        assertEquals(OK, script.severity());
        assertEquals(T0, script.state().since());
        assertEquals(50.0, script.state().lastValue());
    }

    @Test
    void aValueAtTheThresholdIsNotYetABreach() {
        assertEquals(List.of(), new AlertScript(CPU).sample(0, 80));
    }

    @Test
    void warningIsRaisedOnTheFirstBreachByDefault() {
        AlertScript script = new AlertScript(CPU);
        script.sample(0, 50);
        assertEquals(List.of(threshold(OK, WARNING, 10, 81)), script.sample(10, 81));
        assertEquals(at(10), script.state().since());
    }

    @Test
    void aValueBeyondCriticalGoesFromOkStraightToCritical() {
        assertEquals(List.of(threshold(OK, CRITICAL, 0, 97)), new AlertScript(CPU).sample(0, 97));
    }

    @Test
    void recoveryCanSkipLevelsToo() {
        AlertScript script = new AlertScript(CPU);
        script.sample(0, 97);
        assertEquals(List.of(threshold(CRITICAL, OK, 10, 40)), script.sample(10, 40));
    }

    @Test
    void aValueOscillatingBetweenClearAndTriggerDoesNotFlapTheState() {
        AlertScript script = new AlertScript(CPU);
        script.sample(0, 85);
        assertEquals(List.of(), script.samples(1, 75, 81, 72, 79, 71, 83, 70.5));
        assertEquals(WARNING, script.severity());
        assertEquals(List.of(threshold(WARNING, OK, 100, 70)), script.sample(100, 70));
    }

    @Test
    void criticalIsHeldUntilItsClearThenFallsToWarningUntilTheWarningClear() {
        AlertScript script = new AlertScript(CPU);
        script.sample(0, 95);
        assertEquals(List.of(), script.samples(1, 88, 91, 85.5));
        assertEquals(List.of(threshold(CRITICAL, WARNING, 10, 85)), script.sample(10, 85));
        assertEquals(List.of(), script.samples(11, 89, 71));
        assertEquals(List.of(threshold(WARNING, OK, 20, 69)), script.sample(20, 69));
    }

    @Test
    void aCriticalAlertFallingBetweenTheWarningTriggerAndClearStaysAWarning() {
        AlertScript script = new AlertScript(CPU);
        script.sample(0, 95);
        assertEquals(List.of(threshold(CRITICAL, WARNING, 1, 75)), script.sample(1, 75));
    }

    @Test
    void withoutClearThresholdsAnAlertClearsAsSoonAsTheValueIsBack() {
        AlertScript script = new AlertScript(AlertRule.of(Thresholds.above(80.0, 90.0)));
        script.sample(0, 95);
        assertEquals(List.of(threshold(CRITICAL, WARNING, 1, 90)), script.sample(1, 90));
        assertEquals(List.of(threshold(WARNING, OK, 2, 80)), script.sample(2, 80));
    }

    @Test
    void aBelowRuleAlertsWhenTheValueDropsAndClearsWhenItClimbsBack() {
        AlertScript script = new AlertScript(DISK);
        assertEquals(List.of(threshold(OK, WARNING, 0, 19)), script.sample(0, 19));
        assertEquals(List.of(), script.sample(1, 24));
        assertEquals(List.of(threshold(WARNING, CRITICAL, 2, 9)), script.sample(2, 9));
        assertEquals(List.of(), script.sample(3, 11.9));
        assertEquals(List.of(threshold(CRITICAL, WARNING, 4, 12)), script.sample(4, 12));
        assertEquals(List.of(threshold(WARNING, OK, 5, 25)), script.sample(5, 25));
    }

    @Test
    void aBelowRuleSkipsLevelsInBothDirections() {
        AlertScript script = new AlertScript(DISK);
        assertEquals(List.of(threshold(OK, CRITICAL, 0, 2)), script.sample(0, 2));
        assertEquals(List.of(threshold(CRITICAL, OK, 1, 60)), script.sample(1, 60));
    }

    @Test
    void aCriticalOnlyRuleMovesBetweenOkAndCriticalOnly() {
        AlertScript script = new AlertScript(AlertRule.of(Thresholds.above(null, 90.0).withCriticalClear(80)));
        assertEquals(List.of(), script.sample(0, 89));
        assertEquals(List.of(threshold(OK, CRITICAL, 1, 91)), script.sample(1, 91));
        assertEquals(List.of(), script.sample(2, 85));
        assertEquals(List.of(threshold(CRITICAL, OK, 3, 80)), script.sample(3, 80));
    }

    @Test
    void aWarningOnlyRuleNeverGoesCritical() {
        AlertScript script = new AlertScript(AlertRule.of(Thresholds.above(80.0, null)));
        assertEquals(List.of(threshold(OK, WARNING, 0, 1e9)), script.sample(0, 1e9));
        assertEquals(List.of(), script.sample(1, 1e12));
    }

    @Test
    void aSampleOlderThanTheLastIsIgnored() {
        AlertScript script = new AlertScript(CPU);
        script.sample(10, 95);
        RuleState before = script.state();
        assertEquals(List.of(), script.sample(5, 10));
        assertEquals(before, script.state());
    }

    @Test
    void aSampleAtTheSameTimeAsTheLastIsIgnoredAsAReplay() {
        AlertScript script = new AlertScript(CPU);
        script.sample(10, 95);
        assertEquals(List.of(), script.sample(10, 10));
        assertEquals(CRITICAL, script.severity());
        assertEquals(95.0, script.state().lastValue());
    }

    @Test
    void anIgnoredSampleReturnsTheSameState() {
        RuleEvaluator evaluator = new RuleEvaluator();
        RuleState state = evaluator.onSample(CPU, RuleState.initial(), new TimedValue(T0, 50)).state();
        Evaluation replay = evaluator.onSample(CPU, state, new TimedValue(T0, 99));
        assertSame(state, replay.state());
        assertTrue(replay.transitions().isEmpty());
    }
}

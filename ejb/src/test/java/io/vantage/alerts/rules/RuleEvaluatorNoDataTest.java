package io.vantage.alerts.rules;

import static io.vantage.alerts.rules.AlertScript.T0;
import static io.vantage.alerts.rules.AlertScript.at;
import static io.vantage.alerts.rules.AlertScript.dataResumed;
import static io.vantage.alerts.rules.AlertScript.noData;
import static io.vantage.alerts.rules.AlertScript.threshold;
import static io.vantage.persistence.alerts.Severity.CRITICAL;
import static io.vantage.persistence.alerts.Severity.OK;
import static io.vantage.persistence.alerts.Severity.WARNING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.persistence.alerts.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A metric that stops reporting, and comes back. */
class RuleEvaluatorNoDataTest {

    private static final Thresholds CPU = Thresholds.above(80.0, 90.0).withWarningClear(70).withCriticalClear(85);
    private static final AlertRule FIVE_MINUTES = AlertRule.of(CPU).withNoData(Duration.ofMinutes(5), null);

    @Test
    void silenceIsDueNoDataAfterTheLastSample() {
        AlertScript script = new AlertScript(FIVE_MINUTES);
        script.sample(10, 50);
        assertEquals(at(310), script.deadline());
    }

    @Test
    void thereIsNoDeadlineBeforeTheFirstSample() {
        AlertScript script = new AlertScript(FIVE_MINUTES);
        assertNull(script.deadline());
        assertEquals(List.of(), script.silence(86_400));
    }

    @Test
    void aRuleWithoutNoDataAfterNeverRaisesNoData() {
        AlertScript script = new AlertScript(AlertRule.of(CPU));
        script.sample(0, 50);
        assertNull(script.deadline());
        assertEquals(List.of(), script.silence(86_400));
    }

    @Test
    void aSilenceShorterThanNoDataAfterRaisesNothing() {
        AlertScript script = new AlertScript(FIVE_MINUTES);
        script.sample(0, 50);
        assertEquals(List.of(), script.silence(299));
        assertFalse(script.state().isNoData());
    }

    @Test
    void aSilenceOfNoDataAfterRaisesCriticalByDefault() {
        AlertScript script = new AlertScript(FIVE_MINUTES);
        script.sample(0, 50);
        assertEquals(List.of(noData(OK, CRITICAL, 300)), script.silence(300));
        assertTrue(script.state().isNoData());
        assertEquals(CRITICAL, script.severity());
        assertEquals(at(300), script.state().since());
    }

    @Test
    void noDataIsRaisedAtTheTimeTheSilenceIsNoticed() {
        AlertScript script = new AlertScript(FIVE_MINUTES);
        script.sample(0, 50);
        assertEquals(List.of(noData(OK, CRITICAL, 420)), script.silence(420));
    }

    @Test
    void noDataTakesTheRulesNoDataSeverity() {
        AlertScript script = new AlertScript(AlertRule.of(CPU).withNoData(Duration.ofMinutes(5), WARNING));
        script.sample(0, 95);
        assertEquals(List.of(noData(CRITICAL, WARNING, 300)), script.silence(300));
    }

    @Test
    void noDataIsRaisedEvenWhenTheAlertAlreadyHasThatSeverity() {
        AlertScript script = new AlertScript(FIVE_MINUTES);
        script.sample(0, 95);
        assertEquals(List.of(noData(CRITICAL, CRITICAL, 300)), script.silence(300));
        assertEquals(at(0), script.state().since());
    }

    @Test
    void noDataIsRaisedOncePerSilence() {
        AlertScript script = new AlertScript(FIVE_MINUTES);
        script.sample(0, 50);
        script.silence(300);
        assertNull(script.deadline());
        assertEquals(List.of(), script.silence(600));
        assertEquals(List.of(), script.silence(86_400));
    }

    @Test
    void silenceDropsWhateverWasPending() {
        AlertScript script = new AlertScript(FIVE_MINUTES.withConsecutive(3));
        script.samples(0, 85, 85);
        script.silence(400);
        assertNull(script.state().pending());
    }

    @Test
    void aSilenceCheckFromBeforeTheLastSampleRaisesNothing() {
        AlertScript script = new AlertScript(FIVE_MINUTES);
        script.sample(1_000, 50);
        assertEquals(List.of(), script.silence(0));
    }

    @Test
    void theNextSampleEndsTheSilenceAtTheSeverityItsValueCallsFor() {
        AlertScript script = new AlertScript(FIVE_MINUTES);
        script.sample(0, 50);
        script.silence(300);
        assertEquals(List.of(dataResumed(CRITICAL, WARNING, 400, 82)), script.sample(400, 82));
        assertFalse(script.state().isNoData());
        assertEquals(WARNING, script.severity());
        assertEquals(at(700), script.deadline());
    }

    @Test
    void dataResumedIsReportedEvenWhenTheSeverityStaysTheSame() {
        AlertScript script = new AlertScript(FIVE_MINUTES);
        script.sample(0, 50);
        script.silence(300);
        assertEquals(List.of(dataResumed(CRITICAL, CRITICAL, 400, 99)), script.sample(400, 99));
    }

    @Test
    void dataResumedIgnoresHysteresis() {
        AlertScript script = new AlertScript(FIVE_MINUTES);
        script.sample(0, 95);
        script.silence(300);
        assertEquals(List.of(dataResumed(CRITICAL, WARNING, 400, 87)), script.sample(400, 87));
    }

    @Test
    void dataResumedIgnoresConsecutiveAndSustainedFor() {
        AlertScript script = new AlertScript(FIVE_MINUTES.withConsecutive(5).withSustainedFor(Duration.ofHours(1)));
        script.sample(0, 50);
        script.silence(300);
        assertEquals(List.of(dataResumed(CRITICAL, OK, 400, 10)), script.sample(400, 10));
    }

    @Test
    void afterDataResumesTheThresholdsApplyAsBefore() {
        AlertScript script = new AlertScript(FIVE_MINUTES.withConsecutive(2));
        script.sample(0, 50);
        script.silence(300);
        script.sample(400, 50);
        assertEquals(List.of(), script.sample(401, 95));
        assertEquals(List.of(threshold(OK, CRITICAL, 402, 95)), script.sample(402, 95));
    }

    @Test
    void aLateSampleFromBeforeTheSilenceDoesNotEndIt() {
        AlertScript script = new AlertScript(FIVE_MINUTES);
        script.sample(60, 50);
        script.silence(360);
        assertEquals(List.of(), script.sample(30, 50));
        assertTrue(script.state().isNoData());
    }

    @Test
    void aNoDataAfterBeyondTheEndOfTimeNeverComes() {
        AlertRule forever = AlertRule.of(CPU).withNoData(Duration.ofSeconds(Long.MAX_VALUE), null);
        RuleEvaluator evaluator = new RuleEvaluator();
        RuleState state = evaluator.onSample(forever, RuleState.initial(), new TimedValue(T0, 1)).state();
        assertNull(evaluator.silenceDeadline(forever, state));
        assertEquals(List.of(), evaluator.onSilence(forever, state, Instant.MAX).transitions());
    }
}

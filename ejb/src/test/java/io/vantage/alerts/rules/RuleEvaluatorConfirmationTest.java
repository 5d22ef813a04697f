package io.vantage.alerts.rules;

import static io.vantage.alerts.rules.AlertScript.at;
import static io.vantage.alerts.rules.AlertScript.threshold;
import static io.vantage.persistence.alerts.Severity.CRITICAL;
import static io.vantage.persistence.alerts.Severity.OK;
import static io.vantage.persistence.alerts.Severity.WARNING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vantage.persistence.alerts.Severity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How many samples, and for how long, a new severity must be called for before the alert takes it. */
class RuleEvaluatorConfirmationTest {

    private static final AlertRule CPU = AlertRule.of(Thresholds.above(80.0, 90.0));
    private static final AlertRule THREE_IN_A_ROW = CPU.withConsecutive(3);
    private static final AlertRule FOR_TWO_MINUTES = CPU.withSustainedFor(Duration.ofMinutes(2));

    @Test
    void warningNeedsThreeConsecutiveBreaches() {
        AlertScript script = new AlertScript(THREE_IN_A_ROW);
        assertEquals(List.of(), script.samples(0, 85, 85));
        assertEquals(List.of(threshold(OK, WARNING, 2, 86)), script.sample(2, 86));
    }

    @Test
    void theStateShowsWhatIsPendingAndSinceWhen() {
        AlertScript script = new AlertScript(THREE_IN_A_ROW);
        script.samples(0, 85, 85);
        assertEquals(WARNING, script.state().pending());
        assertEquals(2, script.state().pendingCount());
        assertEquals(at(0), script.state().pendingSince());
    }

    @Test
    void aHealthySampleInBetweenRestartsTheCount() {
        AlertScript script = new AlertScript(THREE_IN_A_ROW);
        assertEquals(List.of(), script.samples(0, 85, 85, 50, 85, 85));
        assertEquals(List.of(threshold(OK, WARNING, 5, 85)), script.sample(5, 85));
    }

    @Test
    void aSampleBackAtTheCurrentSeverityDropsWhatWasPending() {
        AlertScript script = new AlertScript(THREE_IN_A_ROW);
        script.samples(0, 85, 85, 50);
        assertNull(script.state().pending());
        assertEquals(0, script.state().pendingCount());
        assertNull(script.state().pendingSince());
    }

    @Test
    void aDifferentCandidateRestartsTheCountFromItsOwnFirstSample() {
        AlertScript script = new AlertScript(THREE_IN_A_ROW);
        assertEquals(List.of(), script.samples(0, 85, 85, 95));
        assertEquals(CRITICAL, script.state().pending());
        assertEquals(1, script.state().pendingCount());
        assertEquals(at(2), script.state().pendingSince());
        assertEquals(List.of(), script.sample(3, 95));
        assertEquals(List.of(threshold(OK, CRITICAL, 4, 95)), script.sample(4, 95));
    }

    @Test
    void recoveryAlsoNeedsConsecutiveSamples() {
        AlertScript script = new AlertScript(THREE_IN_A_ROW);
        script.samples(0, 85, 85, 85);
        assertEquals(List.of(), script.samples(3, 50, 50));
        assertEquals(List.of(threshold(WARNING, OK, 5, 50)), script.sample(5, 50));
    }

    @Test
    void escalationSkippingALevelStillNeedsTheConsecutiveSamples() {
        AlertScript script = new AlertScript(THREE_IN_A_ROW);
        assertEquals(List.of(), script.samples(0, 99, 99));
        assertEquals(List.of(threshold(OK, CRITICAL, 2, 99)), script.sample(2, 99));
    }

    @Test
    void sustainedForNeedsTheBreachToLastThatLong() {
        AlertScript script = new AlertScript(FOR_TWO_MINUTES);
        for (int seconds = 0; seconds < 120; seconds += 30) {
            assertEquals(List.of(), script.sample(seconds, 85), "at " + seconds + " s");
        }
        assertEquals(List.of(threshold(OK, WARNING, 120, 85)), script.sample(120, 85));
    }

    @Test
    void aSustainedBreachThatIsInterruptedStartsOver() {
        AlertScript script = new AlertScript(FOR_TWO_MINUTES);
        script.sample(0, 85);
        script.sample(60, 85);
        script.sample(90, 50);
        assertEquals(List.of(), script.sample(100, 85));
        assertEquals(List.of(), script.sample(200, 85));
        assertEquals(List.of(threshold(OK, WARNING, 220, 85)), script.sample(220, 85));
    }

    @Test
    void recoveryAlsoNeedsToBeSustained() {
        AlertScript script = new AlertScript(FOR_TWO_MINUTES);
        script.sample(0, 85);
        script.sample(120, 85);
        assertEquals(List.of(), script.sample(130, 50));
        assertEquals(List.of(), script.sample(249, 50));
        assertEquals(List.of(threshold(WARNING, OK, 250, 50)), script.sample(250, 50));
    }

    @Test
    void consecutiveAndSustainedForMustBothBeMet() {
        AlertRule rule = THREE_IN_A_ROW.withSustainedFor(Duration.ofMinutes(1));
        AlertScript enoughTimeTooFewSamples = new AlertScript(rule);
        assertEquals(List.of(), enoughTimeTooFewSamples.sample(0, 85));
        assertEquals(List.of(), enoughTimeTooFewSamples.sample(300, 85));
        assertEquals(List.of(threshold(OK, WARNING, 301, 85)), enoughTimeTooFewSamples.sample(301, 85));

        AlertScript enoughSamplesTooLittleTime = new AlertScript(rule);
        assertEquals(List.of(), enoughSamplesTooLittleTime.samples(0, 85, 85, 85, 85));
        assertEquals(List.of(threshold(OK, WARNING, 60, 85)), enoughSamplesTooLittleTime.sample(60, 85));
    }

    @Test
    void aSampleFromThePastDoesNotCountTowardsConsecutive() {
        AlertScript script = new AlertScript(THREE_IN_A_ROW);
        script.samples(10, 85, 85);
        assertEquals(List.of(), script.sample(11, 85));
        assertEquals(List.of(), script.sample(5, 85));
        assertEquals(2, script.state().pendingCount());
        assertEquals(List.of(threshold(OK, WARNING, 12, 85)), script.sample(12, 85));
    }
}

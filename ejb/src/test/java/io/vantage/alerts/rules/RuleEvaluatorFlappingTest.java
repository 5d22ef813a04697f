package io.vantage.alerts.rules;

import static io.vantage.alerts.rules.AlertScript.T0;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.alerts.rules.AlertTransition.Reason;
import io.vantage.persistence.alerts.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An alert changing severity too often: changes go quiet, and people hear once when it starts and ends. */
class RuleEvaluatorFlappingTest {

    /** Warning over 80, clearing at once; more than 4 changes in 10 minutes is flapping. */
    private static final AlertRule FLAPPY = AlertRule.of(Thresholds.above(80.0, null))
            .withFlap(new FlapPolicy(4, Duration.ofMinutes(10)));

    @Test
    void changesUpToTheMaximumAreNotifiedNormally() {
        AlertScript script = new AlertScript(FLAPPY);
        assertEquals(List.of(threshold(OK, WARNING, 0, 85)), script.sample(0, 85));
        assertEquals(List.of(threshold(WARNING, OK, 60, 50)), script.sample(60, 50));
        assertEquals(List.of(threshold(OK, WARNING, 120, 85)), script.sample(120, 85));
        assertEquals(List.of(threshold(WARNING, OK, 180, 50)), script.sample(180, 50));
        assertFalse(script.state().isFlapping());
        assertEquals(List.of(at(0), at(60), at(120), at(180)), script.state().recentChanges());
    }

    @Test
    void flappingIsNotifiedOnceHoweverLongItLasts() {
        AlertScript script = flappingSince240();
        List<AlertTransition> later = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            later.addAll(script.sample(240 + i * 30L, i % 2 == 0 ? 85 : 50));
        }
        assertEquals(10, later.size());
        for (AlertTransition transition : later) {
            assertEquals(Reason.THRESHOLD, transition.reason());
            assertTrue(transition.quiet());
        }
    }

    @Test
    void startingToFlapLeavesOnlyTheFlappingStartedToNotify() {
        AlertScript script = fourChanges();
        Evaluation evaluation = new RuleEvaluator().onSample(FLAPPY, script.state(), new TimedValue(at(240), 85));
        assertEquals(List.of(quietThreshold(OK, WARNING, 240, 85), flapping(FLAPPING_STARTED, WARNING, 240, 85)),
                evaluation.transitions());
        assertEquals(List.of(flapping(FLAPPING_STARTED, WARNING, 240, 85)), evaluation.toNotify());
    }

    @Test
    void changesWhileFlappingAreQuiet() {
        AlertScript script = flappingSince240();
        assertEquals(List.of(quietThreshold(WARNING, OK, 300, 50)), script.sample(300, 50));
        assertEquals(List.of(quietThreshold(OK, WARNING, 360, 85)), script.sample(360, 85));
        assertTrue(script.state().isFlapping());
    }

    @Test
    void flappingEndsOnceTheChangesInTheWindowFallToHalfTheMaximum() {
        AlertScript script = flappingSince240();
        for (int seconds = 300; seconds <= 720; seconds += 60) {
            assertEquals(List.of(), script.sample(seconds, 85), "at " + seconds + " s");
        }
        assertTrue(script.state().isFlapping(), "three changes inside the window are not yet calm");
        assertEquals(List.of(flapping(FLAPPING_ENDED, WARNING, 780, 85)), script.sample(780, 85));
        assertFalse(script.state().isFlapping());
        assertEquals(List.of(at(180), at(240)), script.state().recentChanges());
    }

    @Test
    void afterFlappingEndsChangesAreNotifiedAgain() {
        AlertScript script = flappingSince240();
        script.sample(780, 85);
        assertEquals(List.of(threshold(WARNING, OK, 840, 50)), script.sample(840, 50));
    }

    @Test
    void aChangeAfterALongCalmIsQuietButEndsFlappingAtTheNewSeverity() {
        AlertScript script = flappingSince240();
        assertEquals(List.of(quietThreshold(WARNING, OK, 2_000, 50), flapping(FLAPPING_ENDED, OK, 2_000, 50)),
                script.sample(2_000, 50));
        assertEquals(List.of(at(2_000)), script.state().recentChanges());
    }

    @Test
    void changesSpreadOutOverMoreThanTheWindowNeverFlap() {
        AlertScript script = new AlertScript(FLAPPY);
        for (int i = 0; i < 20; i++) {
            List<AlertTransition> transitions = script.sample(i * 180L, i % 2 == 0 ? 85 : 50);
            assertEquals(1, transitions.size());
            assertFalse(transitions.get(0).quiet(), "change " + i);
        }
    }

    @Test
    void onlyAsManyChangesAreRememberedAsTheDecisionNeeds() {
        AlertScript script = new AlertScript(FLAPPY);
        for (int i = 0; i < 50; i++) {
            script.sample(i, i % 2 == 0 ? 85 : 50);
        }
        assertEquals(List.of(at(45), at(46), at(47), at(48), at(49)), script.state().recentChanges());
    }

    @Test
    void withoutAFlapPolicyChangesAreNotRemembered() {
        AlertScript script = new AlertScript(AlertRule.of(Thresholds.above(80.0, null)));
        for (int i = 0; i < 10; i++) {
            assertFalse(script.sample(i, i % 2 == 0 ? 85 : 50).get(0).quiet());
        }
        assertEquals(List.of(), script.state().recentChanges());
    }

    @Test
    void removingTheFlapPolicyEndsFlappingOnTheNextSample() {
        AlertRule withoutFlap = AlertRule.of(Thresholds.above(80.0, null));
        AlertScript script = new AlertScript(withoutFlap, flappingSince240().state());
        assertEquals(List.of(flapping(FLAPPING_ENDED, WARNING, 241, 85)), script.sample(241, 85));
        assertFalse(script.state().isFlapping());
        assertEquals(List.of(), script.state().recentChanges());
    }

    @Test
    void noDataAndDataResumedAreNotifiedWhileFlappingAndAreNotCountedAsChanges() {
        AlertRule rule = FLAPPY.withNoData(Duration.ofMinutes(5), CRITICAL);
        AlertScript script = new AlertScript(rule, flappingSince240().state());
        assertEquals(List.of(noData(WARNING, CRITICAL, 540)), script.silence(540));
        assertEquals(List.of(dataResumed(CRITICAL, OK, 600, 50)), script.sample(600, 50));
        assertTrue(script.state().isFlapping());
        assertEquals(List.of(at(0), at(60), at(120), at(180), at(240)), script.state().recentChanges());
    }

    @Test
    void flappingCanEndOnTheSampleThatEndsASilence() {
        AlertRule rule = FLAPPY.withNoData(Duration.ofMinutes(5), CRITICAL);
        AlertScript script = new AlertScript(rule, flappingSince240().state());
        script.silence(540);
        assertEquals(List.of(dataResumed(CRITICAL, OK, 3_600, 50), flapping(FLAPPING_ENDED, OK, 3_600, 50)),
                script.sample(3_600, 50));
    }

    @Test
    void aReplayedSampleDoesNotMoveTheFlapWindow() {
        AlertScript script = flappingSince240();
        assertEquals(List.of(), script.sample(240, 85));
        assertEquals(List.of(), script.sample(100, 85));
        assertTrue(script.state().isFlapping());
        assertEquals(at(240), script.state().lastSampleAt());
        assertEquals(T0, script.state().recentChanges().get(0));
    }

    /** OK, then four changes a minute apart: 0 s to WARNING, 60 s OK, 120 s WARNING, 180 s OK. */
    private static AlertScript fourChanges() {
        AlertScript script = new AlertScript(FLAPPY);
        script.sample(0, 85);
        script.sample(60, 50);
        script.sample(120, 85);
        script.sample(180, 50);
        return script;
    }

    /** {@link #fourChanges()}, and the fifth at 240 s (to WARNING) starts flapping. */
    private static AlertScript flappingSince240() {
        AlertScript script = fourChanges();
        assertEquals(List.of(quietThreshold(OK, WARNING, 240, 85), flapping(FLAPPING_STARTED, WARNING, 240, 85)),
                script.sample(240, 85));
        return script;
    }
}

package io.vantage.alerts.rules;

import static io.vantage.persistence.alerts.Severity.CRITICAL;
import static io.vantage.persistence.alerts.Severity.OK;
import static io.vantage.persistence.alerts.Severity.WARNING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.persistence.alerts.Severity;
import io.vantage.persistence.monitors.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ThresholdsTest {

    private static final Thresholds CPU = Thresholds.above(80.0, 90.0).withWarningClear(70).withCriticalClear(85);
    private static final Thresholds DISK = Thresholds.below(20.0, 10.0).withWarningClear(25).withCriticalClear(12);

    @Test
    void aMissingClearThresholdDefaultsToItsTrigger() {
        Thresholds thresholds = Thresholds.above(80.0, 90.0);
        assertEquals(80.0, thresholds.warningClear());
        assertEquals(90.0, thresholds.criticalClear());
        assertEquals(thresholds, new Thresholds(Direction.ABOVE, 80.0, 80.0, 90.0, 90.0));
    }

    @Test
    void aLevelTheRuleDoesNotHaveHasNoClearThresholdEither() {
        Thresholds criticalOnly = Thresholds.above(null, 90.0);
        assertFalse(criticalOnly.hasWarning());
        assertTrue(criticalOnly.hasCritical());
        assertNull(criticalOnly.warningClear());
    }

    @Test
    void triggerLevelIsTheWorstLevelTheValueBreaches() {
        assertEquals(OK, CPU.triggerLevel(80));
        assertEquals(WARNING, CPU.triggerLevel(80.5));
        assertEquals(WARNING, CPU.triggerLevel(90));
        assertEquals(CRITICAL, CPU.triggerLevel(99));
    }

    @Test
    void triggerLevelOfABelowRuleLooksDownwards() {
        assertEquals(OK, DISK.triggerLevel(20));
        assertEquals(WARNING, DISK.triggerLevel(19));
        assertEquals(CRITICAL, DISK.triggerLevel(9));
    }

    @Test
    void aWarningOnlyRuleNeverTriggersCritical() {
        assertEquals(WARNING, Thresholds.above(80.0, null).triggerLevel(1_000_000));
    }

    @Test
    void aCriticalIsHeldUntilTheValueReachesTheCriticalClear() {
        assertEquals(CRITICAL, CPU.holdLevel(CRITICAL, 86));
        assertEquals(WARNING, CPU.holdLevel(CRITICAL, 85));
    }

    @Test
    void aCriticalThatClearsCriticalIsStillHeldAsWarningUntilTheWarningClear() {
        assertEquals(WARNING, CPU.holdLevel(CRITICAL, 71));
        assertEquals(OK, CPU.holdLevel(CRITICAL, 70));
    }

    @Test
    void aWarningIsHeldUntilTheValueReachesTheWarningClear() {
        assertEquals(WARNING, CPU.holdLevel(WARNING, 75));
        assertEquals(OK, CPU.holdLevel(WARNING, 70));
    }

    @Test
    void nothingIsHeldWhenTheAlertIsOk() {
        assertEquals(OK, CPU.holdLevel(OK, 89));
    }

    @Test
    void aBelowRuleHoldsUntilTheValueClimbsBackToTheClear() {
        assertEquals(CRITICAL, DISK.holdLevel(CRITICAL, 11));
        assertEquals(WARNING, DISK.holdLevel(CRITICAL, 12));
        assertEquals(WARNING, DISK.holdLevel(WARNING, 24));
        assertEquals(OK, DISK.holdLevel(WARNING, 25));
    }

    @Test
    void aCriticalOnlyRuleHoldsNoWarningBelowItsCriticalClear() {
        Thresholds criticalOnly = Thresholds.above(null, 90.0).withCriticalClear(80);
        assertEquals(CRITICAL, criticalOnly.holdLevel(CRITICAL, 85));
        assertEquals(OK, criticalOnly.holdLevel(CRITICAL, 80));
    }

    @Test
    void thresholdsNeedAtLeastOneLevel() {
        assertMessage("thresholds need a warning or a critical level, or both", () -> Thresholds.above(null, null));
    }

    @Test
    void thresholdsNeedADirection() {
        assertMessage("thresholds need a direction, ABOVE or BELOW", () -> new Thresholds(null, 1.0, null, null, null));
    }

    @Test
    void nanAndInfiniteThresholdsAreRejected() {
        assertMessage("warning must be a finite number, not NaN", () -> Thresholds.above(Double.NaN, null));
        assertMessage("critical must be a finite number, not Infinity",
                () -> Thresholds.above(null, Double.POSITIVE_INFINITY));
        assertMessage("criticalClear must be a finite number, not -Infinity",
                () -> Thresholds.below(null, 5.0).withCriticalClear(Double.NEGATIVE_INFINITY));
        assertMessage("warningClear must be a finite number, not NaN",
                () -> Thresholds.above(1.0, null).withWarningClear(Double.NaN));
    }

    @Test
    void aClearThresholdWithoutItsLevelIsRejected() {
        assertMessage("warningClear (70.0) is set but warning is not; a clear threshold only means something for a"
                + " level the rule has", () -> new Thresholds(Direction.ABOVE, null, 70.0, 90.0, null));
        assertMessage("criticalClear (85.0) is set but critical is not; a clear threshold only means something for"
                + " a level the rule has", () -> new Thresholds(Direction.ABOVE, 80.0, null, null, 85.0));
    }

    @Test
    void anAboveRuleCannotClearAboveItsTrigger() {
        assertMessage("warningClear (85.0) must not be above warning (80.0) in an ABOVE rule: an alert clears where"
                + " its value is no longer breaching or further back", () -> CPU.withWarningClear(85));
        assertMessage("criticalClear (95.0) must not be above critical (90.0) in an ABOVE rule: an alert clears"
                + " where its value is no longer breaching or further back", () -> CPU.withCriticalClear(95));
    }

    @Test
    void anAboveRuleCannotWarnAboveItsCritical() {
        assertMessage("warning (95.0) must not be above critical (90.0) in an ABOVE rule: a value reaches warning on"
                + " its way to critical", () -> Thresholds.above(95.0, 90.0));
    }

    @Test
    void aBelowRuleIsValidatedTheOtherWayRound() {
        assertMessage("warningClear (15.0) must not be below warning (20.0) in a BELOW rule: an alert clears where"
                + " its value is no longer breaching or further back", () -> DISK.withWarningClear(15));
        assertMessage("criticalClear (5.0) must not be below critical (10.0) in a BELOW rule: an alert clears where"
                + " its value is no longer breaching or further back", () -> DISK.withCriticalClear(5));
        assertMessage("warning (5.0) must not be below critical (10.0) in a BELOW rule: a value reaches warning on"
                + " its way to critical", () -> Thresholds.below(5.0, 10.0));
    }

    @Test
    void equalLevelsAndClearsAtTheTriggerAreAllowed() {
        Thresholds same = new Thresholds(Direction.BELOW, 10.0, 10.0, 10.0, 10.0);
        assertEquals(CRITICAL, same.triggerLevel(9));
    }

    @Test
    void invalidThresholdsAreAnIllegalArgument() {
        assertTrue(IllegalArgumentException.class.isAssignableFrom(InvalidRuleException.class));
    }

    static void assertMessage(String expected, Executable invalid) {
        assertEquals(expected, assertThrows(InvalidRuleException.class, invalid).getMessage());
    }
}

package io.vantage.alerts.rules;

import static io.vantage.alerts.rules.ThresholdsTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.persistence.alerts.Severity;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlertRuleTest {

    private static final Thresholds CPU = Thresholds.above(80.0, 90.0);

    @Test
    void aPlainRuleActsOnOneSampleWithoutNoDataOrFlapHandling() {
        AlertRule rule = AlertRule.of(CPU);
        assertEquals(1, rule.consecutive());
        assertNull(rule.sustainedFor());
        assertNull(rule.noDataAfter());
        assertNull(rule.flap());
    }

    @Test
    void noDataSeverityDefaultsToCritical() {
        assertEquals(Severity.CRITICAL, AlertRule.of(CPU).noDataSeverity());
        assertEquals(Severity.CRITICAL, AlertRule.of(CPU).withNoData(Duration.ofMinutes(5), null).noDataSeverity());
    }

    @Test
    void withersChangeOnlyTheirOwnPart() {
        FlapPolicy flap = new FlapPolicy(3, Duration.ofMinutes(15));
        AlertRule rule = AlertRule.of(CPU).withConsecutive(3).withSustainedFor(Duration.ofMinutes(2))
                .withNoData(Duration.ofMinutes(5), Severity.WARNING).withFlap(flap);
        assertEquals(new AlertRule(CPU, 3, Duration.ofMinutes(2), Duration.ofMinutes(5), Severity.WARNING, flap), rule);
    }

    @Test
    void aNewSeverityIsDueOnceBothConsecutiveAndSustainedForAreMet() {
        AlertRule rule = AlertRule.of(CPU).withConsecutive(3).withSustainedFor(Duration.ofMinutes(2));
        assertFalse(rule.isDue(2, Duration.ofMinutes(5)));
        assertFalse(rule.isDue(3, Duration.ofSeconds(119)));
        assertTrue(rule.isDue(3, Duration.ofMinutes(2)));
    }

    @Test
    void aZeroSustainedForIsNoRequirement() {
        assertTrue(AlertRule.of(CPU).withSustainedFor(Duration.ZERO).isDue(1, Duration.ZERO));
    }

    @Test
    void consecutiveMustBeAtLeastOne() {
        assertMessage("consecutive must be at least 1, was 0", () -> AlertRule.of(CPU).withConsecutive(0));
    }

    @Test
    void sustainedForMustNotBeNegative() {
        assertMessage("sustainedFor must not be negative, was PT-1M",
                () -> AlertRule.of(CPU).withSustainedFor(Duration.ofMinutes(-1)));
    }

    @Test
    void noDataAfterMustBePositive() {
        assertMessage("noDataAfter must be longer than zero, was PT0S; leave it unset for a rule that never alerts"
                + " on missing data", () -> AlertRule.of(CPU).withNoData(Duration.ZERO, Severity.CRITICAL));
    }

    @Test
    void noDataCannotBeOk() {
        assertMessage("noDataSeverity must be WARNING or CRITICAL: a metric that stopped reporting is never OK",
                () -> AlertRule.of(CPU).withNoData(Duration.ofMinutes(5), Severity.OK));
    }

    @Test
    void aRuleNeedsThresholds() {
        assertMessage("a rule needs thresholds", () -> AlertRule.of(null));
    }
}

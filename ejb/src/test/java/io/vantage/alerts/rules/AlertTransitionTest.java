package io.vantage.alerts.rules;

import static io.vantage.persistence.alerts.Severity.CRITICAL;
import static io.vantage.persistence.alerts.Severity.OK;
import static io.vantage.persistence.alerts.Severity.WARNING;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vantage.alerts.rules.AlertTransition.Reason;
import io.vantage.persistence.alerts.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertTransitionTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void aThresholdTransitionMustChangeTheSeverity() {
        assertEquals("a threshold transition changes the severity, WARNING does not",
                assertThrows(IllegalArgumentException.class,
                        () -> new AlertTransition(WARNING, WARNING, T0, 85.0, Reason.THRESHOLD, false)).getMessage());
    }

    @Test
    void flappingTransitionsReportASingleSeverity() {
        assertEquals("FLAPPING_ENDED reports one severity, not OK to WARNING",
                assertThrows(IllegalArgumentException.class,
                        () -> new AlertTransition(OK, WARNING, T0, 85.0, Reason.FLAPPING_ENDED, false)).getMessage());
    }

    @Test
    void noDataAndDataResumedMayKeepTheSeverity() {
        assertDoesNotThrow(() -> new AlertTransition(CRITICAL, CRITICAL, T0, null, Reason.NO_DATA, false));
        assertDoesNotThrow(() -> new AlertTransition(CRITICAL, CRITICAL, T0, 95.0, Reason.DATA_RESUMED, false));
    }

    @Test
    void aTransitionNeedsItsSeveritiesTimeAndReason() {
        assertThrows(IllegalArgumentException.class, () -> new AlertTransition(null, OK, T0, 1.0, Reason.THRESHOLD,
                false));
        assertThrows(IllegalArgumentException.class, () -> new AlertTransition(OK, WARNING, null, 1.0,
                Reason.THRESHOLD, false));
        assertThrows(IllegalArgumentException.class, () -> new AlertTransition(OK, WARNING, T0, 1.0, null, false));
    }

    @Test
    void anEvaluationNotifiesOnlyItsLoudTransitions() {
        AlertTransition quiet = new AlertTransition(OK, WARNING, T0, 85.0, Reason.THRESHOLD, true);
        AlertTransition loud = new AlertTransition(WARNING, WARNING, T0, 85.0, Reason.FLAPPING_STARTED, false);
        Evaluation evaluation = new Evaluation(RuleState.initial(), List.of(quiet, loud));
        assertEquals(List.of(loud), evaluation.toNotify());
    }

    @Test
    void anEvaluationKeepsItsOwnCopyOfTheTransitions() {
        List<AlertTransition> transitions = new ArrayList<>();
        Evaluation evaluation = new Evaluation(RuleState.initial(), transitions);
        transitions.add(new AlertTransition(OK, WARNING, T0, 85.0, Reason.THRESHOLD, false));
        assertEquals(List.of(), evaluation.transitions());
        assertThrows(UnsupportedOperationException.class, () -> evaluation.transitions().clear());
    }
}

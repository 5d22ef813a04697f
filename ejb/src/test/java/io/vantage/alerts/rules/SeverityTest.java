package io.vantage.alerts.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.persistence.alerts.Severity;
import org.junit.jupiter.api.Test;

class SeverityTest {

    @Test
    void severitiesAreOrderedByBadness() {
        assertTrue(Severity.CRITICAL.isWorseThan(Severity.WARNING));
        assertTrue(Severity.WARNING.isWorseThan(Severity.OK));
        assertTrue(Severity.CRITICAL.isWorseThan(Severity.OK));
        assertFalse(Severity.OK.isWorseThan(Severity.WARNING));
    }

    @Test
    void noSeverityIsWorseThanItself() {
        for (Severity severity : Severity.values()) {
            assertFalse(severity.isWorseThan(severity));
        }
    }

    @Test
    void worstPicksTheWorseOfTwoInEitherOrder() {
        assertEquals(Severity.CRITICAL, Severity.worst(Severity.WARNING, Severity.CRITICAL));
        assertEquals(Severity.CRITICAL, Severity.worst(Severity.CRITICAL, Severity.WARNING));
        assertEquals(Severity.OK, Severity.worst(Severity.OK, Severity.OK));
    }
}

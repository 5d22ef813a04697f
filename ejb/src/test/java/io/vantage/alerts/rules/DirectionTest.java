package io.vantage.alerts.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.persistence.monitors.Direction;
import org.junit.jupiter.api.Test;

class DirectionTest {

    @Test
    void aboveIsBreachedOnlyStrictlyPastTheThreshold() {
        assertTrue(Direction.ABOVE.breaches(80.1, 80));
        assertFalse(Direction.ABOVE.breaches(80, 80));
        assertFalse(Direction.ABOVE.breaches(79, 80));
    }

    @Test
    void belowIsBreachedOnlyStrictlyPastTheThreshold() {
        assertTrue(Direction.BELOW.breaches(9.9, 10));
        assertFalse(Direction.BELOW.breaches(10, 10));
        assertFalse(Direction.BELOW.breaches(11, 10));
    }

    @Test
    void aboveClearsOnceTheValueIsAtOrUnderTheClearThreshold() {
        assertTrue(Direction.ABOVE.clears(70, 70));
        assertTrue(Direction.ABOVE.clears(60, 70));
        assertFalse(Direction.ABOVE.clears(70.5, 70));
    }

    @Test
    void belowClearsOnceTheValueIsAtOrOverTheClearThreshold() {
        assertTrue(Direction.BELOW.clears(15, 15));
        assertTrue(Direction.BELOW.clears(20, 15));
        assertFalse(Direction.BELOW.clears(14.5, 15));
    }
}

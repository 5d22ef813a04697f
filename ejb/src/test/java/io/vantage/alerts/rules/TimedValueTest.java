package io.vantage.alerts.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimedValueTest {

    @Test
    void aSampleNeedsTheTimeItWasTaken() {
        assertEquals("a sample needs the time it was taken",
                assertThrows(IllegalArgumentException.class, () -> new TimedValue(null, 1)).getMessage());
    }

    @Test
    void aSampleValueMustBeFiniteBecauseNoThresholdCanJudgeNaN() {
        assertEquals("sample value at 1970-01-01T00:00:00Z must be a finite number, not NaN",
                assertThrows(IllegalArgumentException.class, () -> new TimedValue(Instant.EPOCH, Double.NaN))
                        .getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new TimedValue(Instant.EPOCH, Double.NEGATIVE_INFINITY));
    }
}

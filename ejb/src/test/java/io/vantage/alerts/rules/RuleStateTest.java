package io.vantage.alerts.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.persistence.alerts.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleStateTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private static final RuleState BUSY = new RuleState(Severity.WARNING, T0, Severity.CRITICAL, 2,
            T0.plusSeconds(60), T0.plusSeconds(90), 95.5, false,
            List.of(T0.minusSeconds(300), T0.minusSeconds(120), T0), true);

    @Test
    void theInitialStateIsOkWithNothingSeen() {
        RuleState initial = RuleState.initial();
        assertEquals(Severity.OK, initial.severity());
        assertNull(initial.since());
        assertNull(initial.pending());
        assertEquals(0, initial.pendingCount());
        assertNull(initial.lastSampleAt());
        assertNull(initial.lastValue());
        assertFalse(initial.isNoData());
        assertFalse(initial.isFlapping());
        assertTrue(initial.recentChanges().isEmpty());
    }

    @Test
    void theInitialStateEncodesToAFewCharacters() {
        assertEquals("1;O;;;0;;;;;", RuleState.initial().encode());
        assertEquals(RuleState.initial(), RuleState.decode("1;O;;;0;;;;;"));
    }

    @Test
    void aBusyStateEncodesCompactlyAndReadably() {
        assertEquals("1;W;1772359200;C;2;1772359260;1772359290;95.5;f;1772358900,1772359080,1772359200",
                BUSY.encode());
    }

    @Test
    void aBusyStateSurvivesTheRoundTrip() {
        RuleState decoded = RuleState.decode(BUSY.encode());
        assertEquals(BUSY, decoded);
        assertEquals(BUSY.hashCode(), decoded.hashCode());
        assertEquals(Severity.CRITICAL, decoded.pending());
        assertEquals(95.5, decoded.lastValue());
        assertTrue(decoded.isFlapping());
    }

    @Test
    void instantsSurviveTheRoundTripToTheNanosecond() {
        Instant odd = Instant.ofEpochSecond(1_772_359_200L, 123_456_789);
        Instant beforeEpoch = Instant.ofEpochSecond(-1, 500_000_000);
        RuleState state = new RuleState(Severity.CRITICAL, beforeEpoch, null, 0, null, odd, -0.0, true,
                List.of(beforeEpoch, odd), false);
        assertEquals("1;C;-0.5;;0;;1772359200.123456789;-0.0;n;-0.5,1772359200.123456789", state.encode());
        RuleState decoded = RuleState.decode(state.encode());
        assertEquals(state, decoded);
        assertEquals(odd, decoded.lastSampleAt());
        assertTrue(decoded.isNoData());
    }

    @Test
    void extremeValuesSurviveTheRoundTrip() {
        for (double value : new double[] {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, 1e-7, 12345678.9}) {
            RuleState state = RuleState.initial().withSample(new TimedValue(T0, value));
            assertEquals(value, RuleState.decode(state.encode()).lastValue());
        }
    }

    @Test
    void decodeRejectsNull() {
        assertDecodeFails("cannot decode a rule state from null", null);
    }

    @Test
    void decodeRejectsGarbageNamingTheProblem() {
        assertDecodeFails("cannot decode rule state '': unknown format version '', expected 1", "");
        assertDecodeFails("cannot decode rule state 'CRITICAL': unknown format version 'CRITICAL', expected 1",
                "CRITICAL");
        assertDecodeFails("cannot decode rule state '2;O;;;0;;;;;': unknown format version '2', expected 1",
                "2;O;;;0;;;;;");
        assertDecodeFails("cannot decode rule state '1;O;;;0;;;;': expected 10 fields separated by ';', found 9",
                "1;O;;;0;;;;");
    }

    @Test
    void decodeRejectsMalformedFields() {
        assertDecodeFails("cannot decode rule state '1;X;;;0;;;;;': severity 'X' is not O, W or C", "1;X;;;0;;;;;");
        assertDecodeFails("cannot decode rule state '1;;;;0;;;;;': the severity must not be empty", "1;;;;0;;;;;");
        assertDecodeFails("cannot decode rule state '1;O;yesterday;;0;;;;;': since 'yesterday' is not an instant in"
                + " epoch seconds", "1;O;yesterday;;0;;;;;");
        assertDecodeFails("cannot decode rule state '1;O;;;-1;;;;;': pendingCount '-1' is not a count",
                "1;O;;;-1;;;;;");
        assertDecodeFails("cannot decode rule state '1;O;5;;0;;5;0x10;;': lastValue '0x10' is not a number",
                "1;O;5;;0;;5;0x10;;");
        assertDecodeFails("cannot decode rule state '1;O;;;0;;;;x;': flags 'x' are not 'n' (no data) and/or 'f'"
                + " (flapping)", "1;O;;;0;;;;x;");
        assertDecodeFails("cannot decode rule state '1;O;;;0;;;;;1,,2': recent change '' is not an instant in epoch"
                + " seconds", "1;O;;;0;;;;;1,,2");
    }

    @Test
    void decodeRejectsNumbersOutOfRange() {
        assertDecodeFails("cannot decode rule state '1;O;;;99999999999;;;;;': pendingCount '99999999999' is not a"
                + " count", "1;O;;;99999999999;;;;;");
        assertThrows(IllegalArgumentException.class, () -> RuleState.decode("1;O;9999999999999999999;;0;;;;;"));
        assertDecodeFails("cannot decode rule state '1;O;5;;0;;5;1.0E999;;': the last value must be finite",
                "1;O;5;;0;;5;1.0E999;;");
    }

    @Test
    void decodeRejectsWellFormedButInconsistentStates() {
        assertDecodeFails("cannot decode rule state '1;W;5;W;1;5;5;1.0;;': the pending severity must differ from the"
                + " current one", "1;W;5;W;1;5;5;1.0;;");
        assertDecodeFails("cannot decode rule state '1;O;5;C;0;5;5;1.0;;': a pending severity goes with a positive"
                + " count and a first time", "1;O;5;C;0;5;5;1.0;;");
        assertDecodeFails("cannot decode rule state '1;O;;;0;;5;;;': the last sample needs both a time and a value",
                "1;O;;;0;;5;;;");
        assertDecodeFails("cannot decode rule state '1;C;;;0;;;;n;': only a metric that reported can go silent",
                "1;C;;;0;;;;n;");
        assertDecodeFails("cannot decode rule state '1;O;;;0;;;;;9,3': recent changes must be oldest first",
                "1;O;;;0;;;;;9,3");
    }

    @Test
    void longGarbageIsShortenedInTheMessage() {
        String garbage = "x".repeat(500);
        String message = assertThrows(IllegalArgumentException.class, () -> RuleState.decode(garbage)).getMessage();
        assertTrue(message.length() < 300, message);
    }

    @Test
    void recentChangesCannotBeModifiedFromOutside() {
        assertThrows(UnsupportedOperationException.class, () -> BUSY.recentChanges().add(T0));
    }

    @Test
    void aSampleSetsSinceOnlyTheFirstTime() {
        RuleState first = RuleState.initial().withSample(new TimedValue(T0, 1));
        RuleState second = first.withSample(new TimedValue(T0.plusSeconds(10), 2));
        assertEquals(T0, second.since());
        assertEquals(T0.plusSeconds(10), second.lastSampleAt());
    }

    private static void assertDecodeFails(String expected, String encoded) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> RuleState.decode(encoded))
                .getMessage());
    }
}

package io.vantage.alerts.rules;

import static io.vantage.alerts.rules.ThresholdsTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlapPolicyTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final FlapPolicy FOUR_IN_TEN_MINUTES = new FlapPolicy(4, Duration.ofMinutes(10));

    @Test
    void flappingStartsOnlyWhenChangesExceedTheMaximum() {
        assertFalse(FOUR_IN_TEN_MINUTES.isExceededBy(4));
        assertTrue(FOUR_IN_TEN_MINUTES.isExceededBy(5));
    }

    @Test
    void flappingSettlesAtHalfTheMaximumOrFewer() {
        assertFalse(FOUR_IN_TEN_MINUTES.isSettledAt(3));
        assertTrue(FOUR_IN_TEN_MINUTES.isSettledAt(2));
        assertTrue(new FlapPolicy(5, Duration.ofMinutes(1)).isSettledAt(2));
        assertFalse(new FlapPolicy(5, Duration.ofMinutes(1)).isSettledAt(3));
    }

    @Test
    void changesOlderThanTheWindowNoLongerCount() {
        Instant now = T0.plus(Duration.ofMinutes(12));
        List<Instant> changes = List.of(T0, T0.plus(Duration.ofMinutes(2)), T0.plus(Duration.ofMinutes(5)));
        assertEquals(List.of(T0.plus(Duration.ofMinutes(2)), T0.plus(Duration.ofMinutes(5))),
                FOUR_IN_TEN_MINUTES.recent(changes, now));
    }

    @Test
    void onlyTheNewestChangesBeyondTheMaximumAreKept() {
        List<Instant> changes = List.of(T0, T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(3),
                T0.plusSeconds(4), T0.plusSeconds(5), T0.plusSeconds(6));
        assertEquals(changes.subList(2, 7), FOUR_IN_TEN_MINUTES.recent(changes, T0.plusSeconds(7)));
    }

    @Test
    void aChangeExactlyOneWindowOldStillCounts() {
        assertEquals(List.of(T0), FOUR_IN_TEN_MINUTES.recent(List.of(T0), T0.plus(Duration.ofMinutes(10))));
    }

    @Test
    void fewerThanTwoChangesCannotBeAFlapLimit() {
        assertMessage("flap maxChanges must be at least 2, was 1: with fewer, a single raise and clear would count"
                + " as flapping", () -> new FlapPolicy(1, Duration.ofMinutes(5)));
    }

    @Test
    void theFlapWindowMustBePositive() {
        assertMessage("flap window must be longer than zero, was PT0S", () -> new FlapPolicy(3, Duration.ZERO));
        assertMessage("flap window must be longer than zero, was PT-1S",
                () -> new FlapPolicy(3, Duration.ofSeconds(-1)));
        assertMessage("flap window must be longer than zero, was null", () -> new FlapPolicy(3, null));
    }
}

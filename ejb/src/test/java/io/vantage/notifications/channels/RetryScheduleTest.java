package io.vantage.notifications.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final RetrySchedule SCHEDULE =
            new RetrySchedule(Duration.ofSeconds(5), 2.0, Duration.ofMinutes(1), 6);

    @Test
    void the_first_attempt_goes_at_once() {
        assertEquals(Optional.of(Duration.ZERO), SCHEDULE.delayBeforeAttempt(1, () -> 0.7));
    }

    @Test
    void without_jitter_the_delay_grows_by_the_multiplier() {
        assertEquals(Duration.ofSeconds(5), longest(2));
        assertEquals(Duration.ofSeconds(10), longest(3));
        assertEquals(Duration.ofSeconds(20), longest(4));
        assertEquals(Duration.ofSeconds(40), longest(5));
    }

    @Test
    void the_delay_stops_growing_at_the_cap() {
        assertEquals(Duration.ofMinutes(1), longest(6));
        RetrySchedule many = new RetrySchedule(Duration.ofSeconds(5), 2.0, Duration.ofMinutes(1), 1000);
        assertEquals(Optional.of(Duration.ofMinutes(1)), many.delayBeforeAttempt(1000, () -> 1.0));
    }

    @Test
    void no_delay_is_offered_once_the_attempts_are_used_up() {
        assertTrue(SCHEDULE.delayBeforeAttempt(6, () -> 0.5).isPresent());
        assertTrue(SCHEDULE.delayBeforeAttempt(7, () -> 0.5).isEmpty());
        assertTrue(new RetrySchedule(Duration.ofSeconds(1), 1, Duration.ofSeconds(1), 1)
                .delayBeforeAttempt(2, () -> 0.5).isEmpty());
    }

    @Test
    void equal_jitter_keeps_every_delay_between_half_the_base_and_the_base() {
        Random random = new Random(20261128);
        for (int attempt = 2; attempt <= 6; attempt++) {
            Duration base = longest(attempt);
            for (int draw = 0; draw < 200; draw++) {
                Duration delay = SCHEDULE.delayBeforeAttempt(attempt, random).orElseThrow();
                assertTrue(delay.compareTo(base.dividedBy(2)) >= 0 && delay.compareTo(base) <= 0,
                        "attempt " + attempt + ": " + delay + " outside [" + base.dividedBy(2) + ", " + base + "]");
            }
        }
        assertEquals(Duration.ofMillis(2500), SCHEDULE.delayBeforeAttempt(2, () -> 0.0).orElseThrow());
    }

    @Test
    void the_standard_schedule_gives_up_after_about_an_hour_and_a_half_at_most() {
        RetrySchedule standard = RetrySchedule.standard();

        assertEquals(Duration.ofSeconds(635 + 8 * 600), standard.maxTotalDelay());
        assertTrue(standard.delayBeforeAttempt(standard.maxAttempts() + 1, () -> 0.5).isEmpty());
    }

    @Test
    void nonsensical_schedules_are_refused() {
        assertThrows(IllegalArgumentException.class,
                () -> new RetrySchedule(Duration.ZERO, 2, Duration.ofMinutes(1), 3));
        assertThrows(IllegalArgumentException.class,
                () -> new RetrySchedule(Duration.ofSeconds(5), 0.5, Duration.ofMinutes(1), 3));
        assertThrows(IllegalArgumentException.class,
                () -> new RetrySchedule(Duration.ofSeconds(5), Double.NaN, Duration.ofMinutes(1), 3));
        assertThrows(IllegalArgumentException.class,
                () -> new RetrySchedule(Duration.ofMinutes(5), 2, Duration.ofMinutes(1), 3));
        assertThrows(IllegalArgumentException.class,
                () -> new RetrySchedule(Duration.ofSeconds(5), 2, Duration.ofDays(2), 3));
        assertThrows(IllegalArgumentException.class,
                () -> new RetrySchedule(Duration.ofSeconds(5), 2, Duration.ofMinutes(1), 0));
    }

    @Test
    void attempts_count_from_one_and_jitter_must_be_a_fraction() {
        assertThrows(IllegalArgumentException.class, () -> SCHEDULE.delayBeforeAttempt(0, () -> 0.5));
        assertThrows(IllegalArgumentException.class, () -> SCHEDULE.delayBeforeAttempt(2, () -> 1.5));
    }

    private static Duration longest(int attempt) {
        return SCHEDULE.delayBeforeAttempt(attempt, () -> 1.0).orElseThrow();
    }
}

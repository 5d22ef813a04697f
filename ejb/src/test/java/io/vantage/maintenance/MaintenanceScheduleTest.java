package io.vantage.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.InvalidInputException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MaintenanceScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void a_one_off_window_covers_its_start_but_not_its_end() {
        MaintenanceSchedule once = new MaintenanceSchedule(Instant.parse("2026-12-01T10:00:00Z"),
                Instant.parse("2026-12-01T11:00:00Z"), Set.of(), null, null);
        assertFalse(once.covers(Instant.parse("2026-12-01T09:59:59Z")));
        assertTrue(once.covers(Instant.parse("2026-12-01T10:00:00Z")));
        assertTrue(once.covers(Instant.parse("2026-12-01T10:59:59Z")));
        assertFalse(once.covers(Instant.parse("2026-12-01T11:00:00Z")));
    }

    @Test
    void a_weekly_window_opens_at_the_local_time_of_its_start_on_its_days_only() {
        // Saturday 2026-12-05 02:00 in Berlin is 01:00 UTC in winter
        MaintenanceSchedule weekends = new MaintenanceSchedule(Instant.parse("2026-12-05T01:00:00Z"), null,
                EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Duration.ofMinutes(90), BERLIN);
        assertTrue(weekends.covers(Instant.parse("2026-12-06T01:30:00Z")), "Sunday 02:30 Berlin");
        assertFalse(weekends.covers(Instant.parse("2026-12-07T01:30:00Z")), "Monday is not a maintenance day");
        assertFalse(weekends.covers(Instant.parse("2026-12-12T02:30:00Z")), "Saturday 03:30 Berlin: over");
        assertFalse(weekends.covers(Instant.parse("2026-11-29T01:30:00Z")), "before the first occurrence");
    }

    @Test
    void a_weekly_window_keeps_its_local_time_across_daylight_saving() {
        MaintenanceSchedule sundays = new MaintenanceSchedule(Instant.parse("2026-12-06T01:00:00Z"), null,
                EnumSet.of(DayOfWeek.SUNDAY), Duration.ofHours(1), BERLIN);
        // in summer 02:00 Berlin is 00:00 UTC
        assertTrue(sundays.covers(Instant.parse("2027-07-04T00:30:00Z")));
        assertFalse(sundays.covers(Instant.parse("2027-07-04T01:30:00Z")));
    }

    @Test
    void a_window_that_spans_midnight_covers_the_next_morning() {
        MaintenanceSchedule nightly = new MaintenanceSchedule(Instant.parse("2026-12-01T23:00:00Z"), null,
                EnumSet.of(DayOfWeek.TUESDAY), Duration.ofHours(3), ZoneId.of("UTC"));
        assertTrue(nightly.covers(Instant.parse("2026-12-02T01:00:00Z")), "Wednesday 01:00 is in Tuesday's window");
        assertFalse(nightly.covers(Instant.parse("2026-12-02T02:00:00Z")));
    }

    @Test
    void a_recurrence_ends_at_ends_at() {
        MaintenanceSchedule limited = new MaintenanceSchedule(Instant.parse("2026-12-01T10:00:00Z"),
                Instant.parse("2026-12-10T00:00:00Z"), EnumSet.allOf(DayOfWeek.class), Duration.ofHours(1),
                ZoneId.of("UTC"));
        assertTrue(limited.covers(Instant.parse("2026-12-09T10:30:00Z")));
        assertFalse(limited.covers(Instant.parse("2026-12-10T10:30:00Z")));
    }

    @Test
    void bad_definitions_are_refused_with_what_to_fix() {
        assertThrows(InvalidInputException.class, () -> new MaintenanceSchedule(Instant.parse("2026-12-01T10:00:00Z"),
                Instant.parse("2026-12-01T09:00:00Z"), Set.of(), null, null));
        InvalidInputException noZone = assertThrows(InvalidInputException.class, () -> new MaintenanceSchedule(
                Instant.parse("2026-12-01T10:00:00Z"), null, EnumSet.of(DayOfWeek.MONDAY), Duration.ofHours(1), null));
        assertTrue(noZone.getMessage().contains("timeZone"));
        assertThrows(InvalidInputException.class, () -> MaintenanceSchedule.parseDays("MON,Funday"));
        assertThrows(InvalidInputException.class, () -> MaintenanceSchedule.parseZone("Mars/Olympus"));
        assertEquals(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), MaintenanceSchedule.parseDays("mon, THURSDAY"));
    }
}

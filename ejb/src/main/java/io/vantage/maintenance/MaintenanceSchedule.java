package io.vantage.maintenance;

import io.vantage.InvalidInputException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * When a maintenance window is open. One-off: from {@code startsAt} to {@code endsAt}. Recurring: on each of the
 * {@code days}, at {@code startsAt}'s local time of day in {@code zone}, for {@code duration}, from {@code startsAt}
 * on and until {@code endsAt} if given. Local times follow the zone's daylight-saving rules, as people mean them
 * ("Sundays 02:00 Berlin time").
 */
public record MaintenanceSchedule(Instant startsAt, Instant endsAt, Set<DayOfWeek> days, Duration duration,
                                  ZoneId zone) {

    public MaintenanceSchedule {
        if (startsAt == null) {
            throw new InvalidInputException("startsAt is required");
        }
        if (days == null || days.isEmpty()) {
            if (endsAt == null || !endsAt.isAfter(startsAt)) {
                throw new InvalidInputException("a one-off window needs endsAt after startsAt");
            }
        } else {
            if (duration == null || duration.isNegative() || duration.isZero() || duration.toDays() > 7) {
                throw new InvalidInputException("a recurring window needs durationMinutes between 1 and 10080");
            }
            if (zone == null) {
                throw new InvalidInputException("a recurring window needs a timeZone such as Europe/Berlin or UTC");
            }
            if (endsAt != null && !endsAt.isAfter(startsAt)) {
                throw new InvalidInputException("endsAt must be after startsAt");
            }
        }
    }

    public boolean isRecurring() {
        return days != null && !days.isEmpty();
    }

    /** Whether the window is open at {@code moment}. */
    public boolean covers(Instant moment) {
        if (moment.isBefore(startsAt)) {
            return false;
        }
        if (!isRecurring()) {
            return moment.isBefore(endsAt);
        }
        if (endsAt != null && !moment.isBefore(endsAt)) {
            return false;
        }
        LocalTime at = startsAt.atZone(zone).toLocalTime();
        LocalDate today = moment.atZone(zone).toLocalDate();
        // an occurrence that began on one of the previous days may still be open (a window may span midnight)
        for (long back = 0; back <= duration.toDays() + 1; back++) {
            LocalDate day = today.minusDays(back);
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            Instant opens = ZonedDateTime.of(day, at, zone).toInstant();
            if (!opens.isBefore(startsAt) && !moment.isBefore(opens) && moment.isBefore(opens.plus(duration))) {
                return true;
            }
        }
        return false;
    }

    /** Reads weekday names such as {@code MONDAY,thu}; null or blank means a one-off window. */
    public static Set<DayOfWeek> parseDays(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (text == null || text.isBlank()) {
            return days;
        }
        for (String word : text.split(",")) {
            String name = word.strip().toUpperCase(Locale.ROOT);
            DayOfWeek day = null;
            for (DayOfWeek candidate : DayOfWeek.values()) {
                if (name.length() >= 3 && candidate.name().startsWith(name)) {
                    day = candidate;
                }
            }
            if (day == null) {
                throw new InvalidInputException("'" + word.strip() + "' is not a weekday (MONDAY..SUNDAY or MON..SUN)");
            }
            days.add(day);
        }
        return days;
    }

    public static ZoneId parseZone(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw new InvalidInputException("unknown time zone '" + text + "' (use a region such as Europe/Berlin, or UTC)");
        }
    }
}

package io.vantage.alerts.rules;

import io.vantage.persistence.alerts.Severity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The text form of a {@link RuleState}, small enough for one database column and readable when someone looks at
 * the column. Version 1 is ten fields separated by {@code ;}:
 *
 * <pre>1;severity;since;pending;pendingCount;pendingSince;lastSampleAt;lastValue;flags;recentChanges</pre>
 *
 * Severities are {@code O}, {@code W} and {@code C}; an empty field is null. Instants are epoch seconds with up
 * to nine decimals, so they come back to the nanosecond: a sample that merely equals the last one must still be
 * recognised as a replay after the state went through the database. Flags hold {@code n} for no data and
 * {@code f} for flapping; recent changes are instants separated by {@code ,}.
 */
final class RuleStateCodec {

    private static final String VERSION = "1";
    private static final int FIELDS = 10;
    private static final Pattern INSTANT = Pattern.compile("-?\\d{1,19}(\\.\\d{1,9})?");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?(E-?\\d+)?");
    private static final Pattern COUNT = Pattern.compile("\\d{1,10}");

    private RuleStateCodec() {
    }

    static String encode(RuleState state) {
        List<String> changes = new ArrayList<>();
        for (Instant change : state.recentChanges()) {
            changes.add(instant(change));
        }
        return String.join(";", VERSION, letter(state.severity()), instant(state.since()), letter(state.pending()),
                Integer.toString(state.pendingCount()), instant(state.pendingSince()), instant(state.lastSampleAt()),
                state.lastValue() == null ? "" : Double.toString(state.lastValue()),
                (state.isNoData() ? "n" : "") + (state.isFlapping() ? "f" : ""), String.join(",", changes));
    }

    static RuleState decode(String text) {
        if (text == null) {
            throw new IllegalArgumentException("cannot decode a rule state from null");
        }
        String[] fields = text.split(";", -1);
        try {
            if (!VERSION.equals(fields[0])) {
                throw new IllegalArgumentException("unknown format version " + quote(fields[0]) + ", expected "
                        + VERSION);
            }
            if (fields.length != FIELDS) {
                throw new IllegalArgumentException("expected " + FIELDS + " fields separated by ';', found "
                        + fields.length);
            }
            Severity severity = severity(fields[1], "severity");
            if (severity == null) {
                throw new IllegalArgumentException("the severity must not be empty");
            }
            String flags = fields[8];
            if (!flags.matches("n?f?")) {
                throw new IllegalArgumentException("flags " + quote(flags)
                        + " are not 'n' (no data) and/or 'f' (flapping)");
            }
            return new RuleState(severity, optionalInstant(fields[2], "since"), severity(fields[3], "pending"),
                    count(fields[4]), optionalInstant(fields[5], "pendingSince"),
                    optionalInstant(fields[6], "lastSampleAt"), number(fields[7]), flags.contains("n"),
                    changes(fields[9]), flags.contains("f"));
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            throw new IllegalArgumentException("cannot decode rule state " + quote(text) + ": " + e.getMessage(), e);
        }
    }

    private static String letter(Severity severity) {
        return severity == null ? "" : severity.name().substring(0, 1);
    }

    private static Severity severity(String field, String name) {
        switch (field) {
            case "":
                return null;
            case "O":
                return Severity.OK;
            case "W":
                return Severity.WARNING;
            case "C":
                return Severity.CRITICAL;
            default:
                throw new IllegalArgumentException(name + " " + quote(field) + " is not O, W or C");
        }
    }

    private static String instant(Instant instant) {
        if (instant == null) {
            return "";
        }
        return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9))
                .stripTrailingZeros().toPlainString();
    }

    private static Instant optionalInstant(String field, String name) {
        return field.isEmpty() ? null : instant(field, name);
    }

    private static Instant instant(String field, String name) {
        if (!INSTANT.matcher(field).matches()) {
            throw new IllegalArgumentException(name + " " + quote(field) + " is not an instant in epoch seconds");
        }
        BigDecimal seconds = new BigDecimal(field);
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        return Instant.ofEpochSecond(whole.longValueExact(), seconds.subtract(whole).movePointRight(9).intValueExact());
    }

    private static int count(String field) {
        if (!COUNT.matcher(field).matches()) {
            throw new IllegalArgumentException("pendingCount " + quote(field) + " is not a count");
        }
        return Integer.parseInt(field);
    }

    private static Double number(String field) {
        if (field.isEmpty()) {
            return null;
        }
        if (!NUMBER.matcher(field).matches()) {
            throw new IllegalArgumentException("lastValue " + quote(field) + " is not a number");
        }
        return Double.parseDouble(field);
    }

    private static List<Instant> changes(String field) {
        List<Instant> changes = new ArrayList<>();
        if (!field.isEmpty()) {
            for (String change : field.split(",", -1)) {
                changes.add(instant(change, "recent change"));
            }
        }
        return changes;
    }

    private static String quote(String text) {
        return "'" + (text.length() <= 80 ? text : text.substring(0, 80) + "...") + "'";
    }
}

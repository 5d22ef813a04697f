package io.vantage.agent.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * Formats a log record as one line ({@code 2025-01-31T12:00:00.123Z WARNING VANTAGE-AGT-0006 ...}), so journald and
 * grep see one event per line. A stack trace, when there is one, follows on its own lines.
 */
public final class OneLineFormatter extends Formatter {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160);
        appendTime(line, record.getMillis());
        line.append(' ').append(record.getLevel().getName())
                .append(' ').append(formatMessage(record))
                .append(System.lineSeparator());
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        return line.toString();
    }

    /**
     * Appends the time as UTC {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, always with milliseconds. By hand because
     * {@code Instant.toString} initialises {@code java.time.format}, some fifty classes the agent would keep in
     * memory only for this.
     */
    static void appendTime(StringBuilder line, long epochMillis) {
        long days = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
        int millisOfDay = (int) Math.floorMod(epochMillis, MILLIS_PER_DAY);
        // the proleptic Gregorian date of a day count, as java.time.LocalDate.ofEpochDay computes it
        long zeroDay = days + 719_468;
        long era = Math.floorDiv(zeroDay, 146_097);
        long dayOfEra = zeroDay - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthIndex = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
        long month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        pad(line, year, 4).append('-');
        pad(line, month, 2).append('-');
        pad(line, day, 2).append('T');
        pad(line, millisOfDay / 3_600_000, 2).append(':');
        pad(line, millisOfDay / 60_000 % 60, 2).append(':');
        pad(line, millisOfDay / 1000 % 60, 2).append('.');
        pad(line, millisOfDay % 1000, 3).append('Z');
    }

    private static StringBuilder pad(StringBuilder line, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            line.append('0');
        }
        return line.append(digits);
    }
}

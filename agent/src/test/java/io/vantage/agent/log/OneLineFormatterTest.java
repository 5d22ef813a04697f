package io.vantage.agent.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class OneLineFormatterTest {

    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void times_are_utc_with_milliseconds_as_java_time_prints_them() {
        Random random = new Random(7);
        long[] edges = {0, 1, 999, 1000, 951_782_400_000L /* 2000-02-29 */, 4_107_542_399_999L /* 2100-02-28 */,
                253_402_300_799_999L /* 9999-12-31 */};
        for (long millis : edges) {
            assertEquals(UTC_MILLIS.format(Instant.ofEpochMilli(millis)), time(millis));
        }
        for (int i = 0; i < 100_000; i++) {
            long millis = Math.floorMod(random.nextLong(), 253_402_300_800_000L);
            assertEquals(UTC_MILLIS.format(Instant.ofEpochMilli(millis)), time(millis), Long.toString(millis));
        }
    }

    @Test
    void a_record_is_one_line_of_time_level_and_message() {
        LogRecord record = new LogRecord(Level.WARNING, "VANTAGE-AGT-0006 Connection lost");
        record.setInstant(Instant.ofEpochMilli(1_795_882_413_000L));

        String line = new OneLineFormatter().format(record);

        assertEquals("2026-11-28T16:13:33.000Z WARNING VANTAGE-AGT-0006 Connection lost" + System.lineSeparator(),
                line);
        assertTrue(line.indexOf('\n') == line.length() - 1);
    }

    private static String time(long millis) {
        StringBuilder line = new StringBuilder();
        OneLineFormatter.appendTime(line, millis);
        return line.toString();
    }
}

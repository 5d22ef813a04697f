package io.vantage.infrastructure.cassandra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MarkedHoursTest {

    private static final long HOUR = 3_600_000L;

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        long millis = 500_000 * HOUR + 1_000;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    private final MovableClock clock = new MovableClock();
    private final MarkedHours marked = new MarkedHours(clock);

    @Test
    void a_nodes_current_hour_is_marked_once() {
        assertTrue(marked.firstOf(1, 7, 500_000));
        assertFalse(marked.firstOf(1, 7, 500_000));
        assertTrue(marked.firstOf(1, 8, 500_000), "another node");
        assertTrue(marked.firstOf(2, 7, 500_000), "another organization");
    }

    @Test
    void an_earlier_hour_is_marked_every_time_as_it_may_be_compacted_already() {
        assertTrue(marked.firstOf(1, 7, 499_999));
        assertTrue(marked.firstOf(1, 7, 499_999));
        assertTrue(marked.firstOf(1, 7, 500_001), "a clock ahead of the server's");
        assertTrue(marked.firstOf(1, 7, 500_001));
    }

    @Test
    void the_next_hour_is_marked_again_and_a_failed_write_is_forgotten() {
        assertTrue(marked.firstOf(1, 7, 500_000));
        clock.millis += HOUR;
        assertTrue(marked.firstOf(1, 7, 500_001));
        assertFalse(marked.firstOf(1, 7, 500_001));
        marked.forget(1, 7);
        assertTrue(marked.firstOf(1, 7, 500_001));
    }
}

package io.vantage.infrastructure.cassandra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vantage.persistence.metrics.MetricBatch;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleHoursTest {

    private static final long HOUR = 3_600_000L;

    @Test
    void hours_and_days_are_counted_from_the_epoch_in_utc_also_before_it() {
        assertEquals(0, SampleHours.hourOf(0));
        assertEquals(0, SampleHours.hourOf(HOUR - 1));
        assertEquals(-1, SampleHours.hourOf(-1));
        assertEquals(1, SampleHours.dayOf(24 * HOUR));
        assertEquals(0, SampleHours.dayOfHour(23));
        assertEquals(-1, SampleHours.dayOfHour(-1));
    }

    @Test
    void a_block_written_late_expires_when_its_hour_leaves_the_retention() {
        int hour = 500_000;
        Instant rightAfter = Instant.ofEpochMilli(SampleHours.startOf(hour + 1));
        assertEquals(SampleHours.RETENTION.toSeconds(), SampleHours.remainingTtlSeconds(hour, rightAfter));
        assertEquals(3_600, SampleHours.remainingTtlSeconds(hour,
                rightAfter.plus(SampleHours.RETENTION).minusSeconds(3_600)));
        assertEquals(0, SampleHours.remainingTtlSeconds(hour, rightAfter.plus(SampleHours.RETENTION)));
    }

    @Test
    void a_batch_is_split_by_the_hour_its_samples_fall_in() {
        long start = 400_000 * HOUR;
        MetricBatch batch = new MetricBatch(1, 2, "agent", 3, new String[] {"a", "b", "a", "c"},
                new long[] {start + HOUR + 5, start + 1, start + HOUR - 1, start + HOUR}, new double[] {1, 2, 3, 4});

        Map<Integer, int[]> hours = CassandraSampleRepository.byHour(batch);

        assertEquals(2, hours.size());
        assertArrayEquals(new int[] {1, 2}, hours.get(400_000));
        assertArrayEquals(new int[] {0, 3}, hours.get(400_001));
    }
}

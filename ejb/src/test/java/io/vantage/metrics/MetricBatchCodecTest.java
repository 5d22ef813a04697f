package io.vantage.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vantage.persistence.checks.CheckResult;
import io.vantage.persistence.checks.CheckState;
import io.vantage.persistence.metrics.MetricBatch;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricBatchCodecTest {

    @Test
    void a_batch_survives_the_trip_through_a_message_body() {
        MetricBatch batch = new MetricBatch(3, 42, "agent-1", 7, new String[] {"cpu.user", "load.1m"},
                new long[] {1000, 2000}, new double[] {12.5, 0.25});
        MetricBatch decoded = MetricBatchCodec.decode(MetricBatchCodec.encode(batch));
        assertEquals(3, decoded.organizationId());
        assertEquals(42, decoded.nodeId());
        assertEquals("agent-1", decoded.agentId());
        assertEquals(7, decoded.sequence());
        assertArrayEquals(batch.metrics(), decoded.metrics());
        assertArrayEquals(batch.timestamps(), decoded.timestamps());
        assertArrayEquals(batch.values(), decoded.values());
    }

    @Test
    void check_results_travel_with_their_samples_in_format_2_and_a_batch_without_them_stays_in_format_1() {
        CheckResult disk = new CheckResult("disk", CheckState.CRITICAL, "DISK CRITICAL - free space: / 12 MB (1%) ü…",
                Instant.ofEpochMilli(1000), 42);
        MetricBatch batch = new MetricBatch(3, 42, "agent-1", 7, new String[] {"check.disk.status"},
                new long[] {1000}, new double[] {2}, List.of(disk));

        byte[] body = MetricBatchCodec.encode(batch);
        MetricBatch decoded = MetricBatchCodec.decode(body);

        assertEquals(MetricBatchCodec.FORMAT_WITH_CHECKS, body[0]);
        assertEquals(List.of(disk), decoded.checks());
        assertArrayEquals(batch.metrics(), decoded.metrics());
        byte[] plain = MetricBatchCodec.encode(new MetricBatch(3, 42, "agent-1", 8, new String[] {"cpu.user"},
                new long[] {1000}, new double[] {2}));
        assertEquals(MetricBatchCodec.FORMAT_VERSION, plain[0], "readable by the previous release");
        assertEquals(List.of(), MetricBatchCodec.decode(plain).checks());
    }

    @Test
    void a_body_with_check_results_cut_short_or_with_an_unknown_state_is_refused() {
        byte[] body = MetricBatchCodec.encode(new MetricBatch(1, 1, "a", 1, new String[] {"m"}, new long[] {1},
                new double[] {1}, List.of(new CheckResult("c", CheckState.OK, "OK", Instant.ofEpochMilli(1), 1))));
        assertThrows(IllegalArgumentException.class,
                () -> MetricBatchCodec.decode(Arrays.copyOf(body, body.length - 1)));
        int state = body.length - 2 - 2 - 8 - 8 - 1;
        body[state] = 9;
        assertThrows(IllegalArgumentException.class, () -> MetricBatchCodec.decode(body));
    }

    @Test
    void a_truncated_body_is_refused_not_half_read() {
        byte[] body = MetricBatchCodec.encode(new MetricBatch(1, 1, "a", 1, new String[] {"m"}, new long[] {1},
                new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> MetricBatchCodec.decode(Arrays.copyOf(body, body.length - 3)));
    }

    @Test
    void an_unknown_format_version_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> MetricBatchCodec.decode(new byte[] {9, 0, 0}));
    }
}

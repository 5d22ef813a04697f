package io.vantage.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vantage.persistence.metrics.MetricBatch;
import java.util.Arrays;
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

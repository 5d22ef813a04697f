package io.vantage.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.protocol.Ack;
import io.vantage.protocol.ErrorFrame;
import io.vantage.protocol.FrameCodec;
import io.vantage.protocol.Welcome;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unit tests of the benchmark's own logic: percentiles, medians, line format, parsing, the protocol client. */
class BenchLogicTest {

    @Test
    void nearestRankPercentiles() {
        Latencies l = new Latencies();
        for (int i = 1; i <= 100; i++) {
            l.record(i);
        }
        assertEquals(50, l.percentile(50));
        assertEquals(99, l.percentile(99));
        assertEquals(100, l.max());
        assertEquals(0, new Latencies().percentile(99));
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, Stats.median(List.of(3.0, 1.0, 2.0)));
        assertEquals(2.5, Stats.median(List.of(4.0, 1.0, 2.0, 3.0)));
    }

    @Test
    void graphiteLineFormat() {
        assertEquals("benchg-3.gx.m7 12.500 1700000000\n",
                GraphiteLines.line(GraphiteLines.path(3, "gx", 7), 12.5, 1_700_000_000L));
    }

    @Test
    void procParsing() {
        assertEquals(123456, ProcStats.peakRss("Name:\tjava\nVmHWM:\t  123456 kB\nVmRSS:\t1 kB\n"));
        String stat = "42 (my java) S 1 2 3 4 5 6 7 8 9 10 250 150 0 0 20 0 1 0";
        assertEquals(4.0, ProcStats.cpuSeconds(stat), 1e-9);
    }

    @Test
    void restParsing() {
        assertEquals("ag-1:k3y", RestClient.credentials("{\"agentId\":\"ag-1\",\"name\":\"x\",\"key\":\"k3y\"}"));
        String agents = "[{\"agentId\":\"a\",\"nodeId\":5},{\"agentId\":\"b\",\"nodeId\":null},{\"agentId\":\"c\",\"nodeId\":12}]";
        assertEquals(12, RestClient.nodeOf(agents, "c"));
        assertEquals(-1, RestClient.nodeOf(agents, "b"));
        assertEquals(-1, RestClient.nodeOf(agents, "z"));
    }

    @Test
    void stepSearchFindsTheBracket() {
        List<Double> tried = new ArrayList<>();
        double best = StepSearch.run(1000, 6, 2, r -> {
            tried.add(r);
            return r <= 5000;
        });
        assertEquals(List.of(1000.0, 2000.0, 4000.0, 8000.0, 6000.0, 5000.0), tried);
        assertEquals(5000, best);
    }

    @Test
    void agentConnectionMatchesAcksAndCountsSamples() {
        AgentConnection c = new AgentConnection(0, "id", "key", new String[] {"x.a", "x.b"}, 1000);
        c.start();
        RecordingListener listener = new RecordingListener();
        List<long[]> acked = listener.acked;
        assertTrue(c.received(ByteBuffer.wrap(FrameCodec.encode(new Welcome(1, 0, 30))), 0, listener));
        assertTrue(c.welcomed());
        c.sendBatch(10, 100);
        c.sendBatch(10, 200);
        assertEquals(2, c.unacknowledged());
        assertEquals(3, c.outbound().size()); // hello and two batches
        assertTrue(c.received(ByteBuffer.wrap(FrameCodec.encode(new Ack(1))), 150, listener));
        assertEquals(1, c.unacknowledged());
        assertEquals(10, acked.get(0)[0]);
        assertEquals(50, acked.get(0)[1]);
        assertFalse(c.received(ByteBuffer.wrap(FrameCodec.encode(new Ack(7))), 300, listener)); // out of order
        assertTrue(c.failed());
    }

    @Test
    void aBatchTheServerCouldNotStoreIsSentAgainInOrderAndAckedLater() {
        AgentConnection c = new AgentConnection(0, "id", "key", new String[] {"x.a"}, 1000);
        c.start();
        RecordingListener listener = new RecordingListener();
        List<long[]> acked = listener.acked;
        assertTrue(c.received(ByteBuffer.wrap(FrameCodec.encode(new Welcome(1, 0, 30))), 0, listener));
        c.sendBatch(10, 100);
        c.sendBatch(20, 110);
        c.outbound().clear();
        ErrorFrame notStored = new ErrorFrame(io.vantage.protocol.ErrorCode.BATCH_NOT_STORED, "busy");
        assertTrue(c.received(ByteBuffer.wrap(FrameCodec.encode(notStored)), 120, listener));
        assertTrue(c.received(ByteBuffer.wrap(FrameCodec.encode(notStored)), 121, listener));

        assertFalse(c.failed());
        assertEquals(2, c.outbound().size(), "both batches queued again, oldest first");
        assertTrue(c.received(ByteBuffer.wrap(FrameCodec.encode(new Ack(1))), 300, listener));
        assertTrue(c.received(ByteBuffer.wrap(FrameCodec.encode(new Ack(2))), 310, listener));
        assertEquals(10, acked.get(0)[0]);
        assertEquals(200, acked.get(0)[1], "latency counts from the first sending");
        assertEquals(20, acked.get(1)[0]);
        assertEquals(List.of(10, 20), listener.resent);
    }

    /** Records what a connection tells its listener: each ACK's sample count and latency, each resend. */
    private static final class RecordingListener implements AgentConnection.Listener {
        final List<long[]> acked = new ArrayList<>();
        final List<Integer> resent = new ArrayList<>();

        @Override
        public void acked(AgentConnection connection, int samples, long sent, long at) {
            acked.add(new long[] {samples, at - sent});
        }

        @Override
        public void error(AgentConnection connection, ErrorFrame error) {
        }

        @Override
        public void resent(AgentConnection connection, int samples) {
            resent.add(samples);
        }
    }
}

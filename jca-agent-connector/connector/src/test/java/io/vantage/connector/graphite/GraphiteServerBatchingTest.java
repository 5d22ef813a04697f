package io.vantage.connector.graphite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.vantage.connector.api.GraphiteBatch;
import io.vantage.connector.testing.Await;
import io.vantage.connector.testing.GraphiteSender;
import io.vantage.connector.testing.RecordingGraphiteListener;

/** How lines become batches: by size, after a quiet spell, at the sender's close; invalid lines dropped on the way. */
class GraphiteServerBatchingTest {

    private final RecordingGraphiteListener listener = new RecordingGraphiteListener();

    @Test
    void lines_are_parsed_into_one_batch_with_millisecond_timestamps_when_the_sender_closes() throws Exception {
        // a long flush interval: only the close may hand this batch over
        try (RunningGraphiteServer server = new RunningGraphiteServer(GraphiteTestSettings.loopback()
                .flushInterval(Duration.ofSeconds(30)).build(), listener);
             GraphiteSender sender = server.connect()) {
            sender.send("web1.cpu.user 12.5 1700000000\r\nweb1.load -0.25 1700000001.5\n");
            sender.send("web1.mem 4");
            sender.send("096 1700000002\n");
            sender.finish();
            sender.assertClosedByServer();
            Await.until("the batch", () -> listener.stored().size() == 1);
            // the sender sees the close before the selector has counted it: wait for the count, don't race it
            Await.until("the connection counted as closed", () -> server.stats().openConnections() == 0);
        }
        GraphiteBatch batch = listener.stored().get(0);
        assertArrayEquals(new String[] {"web1.cpu.user", "web1.load", "web1.mem"}, batch.paths());
        assertArrayEquals(new long[] {1_700_000_000_000L, 1_700_000_001_500L, 1_700_000_002_000L},
                batch.timestamps());
        assertArrayEquals(new double[] {12.5, -0.25, 4096}, batch.values());
        assertEquals("/127.0.0.1", batch.remoteAddress().substring(0, 10));
    }

    @Test
    void a_batch_is_handed_over_when_full_and_the_rest_after_a_quiet_spell_without_closing() throws Exception {
        try (RunningGraphiteServer server = new RunningGraphiteServer(GraphiteTestSettings.loopback()
                .maxLinesPerBatch(3).build(), listener);
             GraphiteSender sender = server.connect()) {
            sender.send(lines(0, 7));
            Await.until("two full batches and the rest", () -> listener.linesStored() == 7);
            assertEquals(List.of(3, 3, 1), listener.storedSizes());
            assertEquals(1, server.stats().openConnections(), "a quiet sender stays connected");

            sender.send(lines(7, 2));
            Await.until("the next quiet spell's batch", () -> listener.linesStored() == 9);
            assertEquals(List.of(3, 3, 1, 2), listener.storedSizes());
        }
        assertEquals(values(0, 9), listener.storedValues());
    }

    @Test
    void invalid_lines_are_dropped_and_counted_while_the_valid_ones_around_them_get_through() throws Exception {
        try (RunningGraphiteServer server = new RunningGraphiteServer(GraphiteTestSettings.loopback().build(),
                listener);
             GraphiteSender sender = server.connect()) {
            sender.send("ok.one 1 1700000000\n"
                    + "no.timestamp 2\n"
                    + "bad.value x 1700000000\n"
                    + "\n"
                    + "ok.two 3 1700000000\n"
                    + "negative.time 4 -1\n"
                    + "ok.three 5 1700000000\n"
                    + "cut.off 6 17000");
            sender.finish();
            sender.assertClosedByServer();
            Await.until("the valid lines", () -> listener.linesStored() == 3);
            GraphiteServerStats stats = server.stats();
            assertEquals(3, stats.linesAccepted());
            assertEquals(4, stats.linesInvalid(), "three bad lines and the one cut off by the close");
            assertEquals(0, stats.connectionsFailed());
        }
        assertEquals(List.of("ok.one", "ok.two", "ok.three"), listener.storedPaths());
    }

    /** {@code count} lines {@code m.<i> <i> <1700000000 + i>} from {@code first} on. */
    static String lines(int first, int count) {
        StringBuilder lines = new StringBuilder();
        for (int i = first; i < first + count; i++) {
            lines.append("m.").append(i).append(' ').append(i).append(' ').append(1_700_000_000 + i).append('\n');
        }
        return lines.toString();
    }

    static List<Double> values(int first, int count) {
        return IntStream.range(first, first + count).mapToObj(i -> (double) i).toList();
    }
}

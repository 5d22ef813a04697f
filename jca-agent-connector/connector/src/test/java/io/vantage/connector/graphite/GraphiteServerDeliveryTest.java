package io.vantage.connector.graphite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vantage.connector.testing.Await;
import io.vantage.connector.testing.GraphiteSender;
import io.vantage.connector.testing.RecordingGraphiteListener;

/** How batches reach the application when it says "not stored", rejects, or is slow: nothing lost, order kept. */
class GraphiteServerDeliveryTest {

    private final RecordingGraphiteListener listener = new RecordingGraphiteListener();

    @AfterEach
    void release() {
        listener.releaseDeliveries();
    }

    @Test
    void a_batch_that_was_not_stored_is_offered_again_later_with_nothing_lost_and_the_order_kept() throws Exception {
        listener.notStored(3);
        try (RunningGraphiteServer server = new RunningGraphiteServer(GraphiteTestSettings.loopback()
                .maxLinesPerBatch(10).build(), listener);
             GraphiteSender sender = server.connect()) {
            sender.send(GraphiteServerBatchingTest.lines(0, 25));
            sender.finish();
            sender.assertClosedByServer();
            Await.until("every line", () -> listener.linesStored() == 25);
            assertEquals(3, server.stats().batchesNotStored());
            // while the first batch waits for its retries, the lines behind it go quiet and are flushed as they are
            assertEquals(listener.stored().size(), server.stats().batchesStored());
        }
        assertEquals(GraphiteServerBatchingTest.values(0, 25), listener.storedValues());
        assertEquals(listener.stored().size() + 3, listener.attempts());
        assertEquals(10, listener.storedSizes().get(0), "the batch offered three times is the same full batch");
    }

    @Test
    void a_rejected_batch_is_dropped_and_the_lines_after_it_still_flow() throws Exception {
        listener.reject(1);
        try (RunningGraphiteServer server = new RunningGraphiteServer(GraphiteTestSettings.loopback()
                .maxLinesPerBatch(2).build(), listener);
             GraphiteSender sender = server.connect()) {
            sender.send(GraphiteServerBatchingTest.lines(0, 4));
            Await.until("the second batch", () -> listener.linesStored() == 2);
            assertEquals(1, server.stats().batchesRejected());
        }
        assertEquals(GraphiteServerBatchingTest.values(2, 2), listener.storedValues());
    }

    @Test
    void a_blocked_application_stops_the_server_reading_and_nothing_is_lost() throws Exception {
        listener.holdDeliveries();
        int lines = 100_000;
        int perBatch = 1000;
        try (RunningGraphiteServer server = new RunningGraphiteServer(GraphiteTestSettings.loopback()
                .maxLinesPerBatch(perBatch).build(), listener);
             GraphiteSender sender = server.connect()) {
            // about 2.5 MB: the sender may block on a full socket, which is the point
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    sender.send(GraphiteServerBatchingTest.lines(0, lines));
                    sender.finish();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Await.until("the first delivery to start", () -> listener.attempts() == 1);
            Await.until("the server to stop reading", () -> server.stats().readPausedConnections() == 1);
            GraphiteServerStats paused = server.stats();
            assertTrue(paused.linesAccepted() <= 2L * perBatch,
                    "at most the batch in flight and one more are held: " + paused);
            assertEquals(1, listener.attempts(), "one batch in flight per connection");

            listener.releaseDeliveries();
            sending.join();
            sender.assertClosedByServer();
            Await.until("every line", () -> listener.linesStored() == lines);
        }
        assertEquals(GraphiteServerBatchingTest.values(0, lines), listener.storedValues());
        assertTrue(listener.storedSizes().stream().allMatch(size -> size <= perBatch));
    }
}

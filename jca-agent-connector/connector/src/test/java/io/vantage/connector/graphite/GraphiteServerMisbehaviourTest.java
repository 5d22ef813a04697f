package io.vantage.connector.graphite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.vantage.connector.testing.Await;
import io.vantage.connector.testing.GraphiteSender;
import io.vantage.connector.testing.RecordingGraphiteListener;

/** Senders that are not speaking the protocol: one ERROR line and a close for them, and nobody else notices. */
class GraphiteServerMisbehaviourTest {

    private final RecordingGraphiteListener listener = new RecordingGraphiteListener();

    @Test
    void an_over_long_line_gets_an_error_and_a_close_while_another_connection_keeps_flowing() throws Exception {
        try (RunningGraphiteServer server = new RunningGraphiteServer(GraphiteTestSettings.loopback()
                .maxLineBytes(512).build(), listener);
             GraphiteSender steady = server.connect();
             GraphiteSender rogue = server.connect()) {
            steady.send("steady.before 1 1700000000\n");
            rogue.send("rogue.valid 1 1700000000\n" + "x".repeat(600));
            rogue.assertErrorAndClose("ERROR line longer than 512 bytes");
            rogue.close();
            steady.send("steady.after 2 1700000000\n");
            Await.until("every valid line", () -> listener.linesStored() == 3);
            Await.until("the rogue connection to be closed", () -> server.stats().openConnections() == 1);
            assertEquals(1, server.stats().connectionsFailed());
        }
        assertEquals(List.of("rogue.valid", "steady.after", "steady.before"),
                listener.storedPaths().stream().sorted().toList(), "lines before the error are still delivered");
    }

    @Test
    void binary_garbage_with_a_nul_byte_gets_an_error_and_a_close() throws Exception {
        try (RunningGraphiteServer server = new RunningGraphiteServer(GraphiteTestSettings.loopback().build(),
                listener);
             GraphiteSender sender = server.connect()) {
            sender.sendRaw(new byte[] {0x16, 0x03, 0x01, 0x00, 0x2a, 0x01});
            sender.assertErrorAndClose("ERROR binary data (a NUL byte) is not Graphite's plaintext protocol");
            sender.close();
            Await.until("the close", () -> server.stats().openConnections() == 0);
        }
        assertEquals(0, listener.attempts());
    }

    @Test
    void more_than_a_hundred_invalid_lines_in_a_row_end_the_connection() throws Exception {
        try (RunningGraphiteServer server = new RunningGraphiteServer(GraphiteTestSettings.loopback().build(),
                listener);
             GraphiteSender sender = server.connect()) {
            sender.send(GraphiteServerBatchingTest.lines(0, 1) + "GET / HTTP/1.1\n".repeat(100)
                    + GraphiteServerBatchingTest.lines(1, 1) + "nonsense\n".repeat(101));
            sender.assertErrorAndClose("ERROR more than 100 invalid lines in a row");
            Await.until("the two valid lines", () -> listener.linesStored() == 2);
            assertEquals(201, server.stats().linesInvalid());
        }
    }

    @Test
    void a_connection_that_completes_no_line_within_the_idle_timeout_is_closed() throws Exception {
        try (RunningGraphiteServer server = new RunningGraphiteServer(GraphiteTestSettings.loopback()
                .idleTimeout(Duration.ofMillis(300)).build(), listener);
             GraphiteSender sender = server.connect()) {
            sender.send("started.but.never.fini");
            sender.assertErrorAndClose("ERROR no complete line within 300 ms");
            sender.close();
            Await.until("the close", () -> server.stats().openConnections() == 0);
            assertEquals(0, listener.attempts());
        }
    }

    @Test
    void connections_beyond_the_limit_are_closed_at_once() throws Exception {
        try (RunningGraphiteServer server = new RunningGraphiteServer(GraphiteTestSettings.loopback()
                .maxConnections(1).build(), listener);
             GraphiteSender first = server.connect()) {
            Await.until("the first connection", () -> server.stats().openConnections() == 1);
            try (GraphiteSender second = server.connect()) {
                second.assertClosedByServer();
            }
            first.send("still.served 1 1700000000\n");
            Await.until("the first connection's line", () -> listener.linesStored() == 1);
        }
    }
}

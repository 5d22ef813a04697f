package io.vantage.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vantage.connector.testing.Batches;
import io.vantage.connector.testing.RecordingListener;
import io.vantage.connector.testing.RunningServer;
import io.vantage.connector.testing.TestAgent;
import io.vantage.connector.testing.TestSettings;
import io.vantage.protocol.Ack;
import io.vantage.protocol.ErrorCode;
import io.vantage.protocol.FrameType;

/**
 * Batches with check runs (protocol version 2): taken in turn with plain batches, refused on a version 1 connection,
 * and a run out of its bounds closes the connection without anything reaching the application.
 */
class AgentServerCheckRunsTest {

    private final RecordingListener listener = new RecordingListener();
    private RunningServer server;

    @BeforeEach
    void start() throws Exception {
        server = new RunningServer(TestSettings.loopback().build(), listener);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void batches_with_and_without_check_runs_are_delivered_and_acknowledged_in_order() throws Exception {
        try (TestAgent agent = server.connect()) {
            agent.handshake("agent-1");
            agent.send(Batches.small(1));
            agent.send(Batches.withDiskCheck(2, 0, "DISK OK - free space: / 3326 MB (56%)"));
            agent.send(Batches.small(3));
            assertEquals(new Ack(1), agent.read());
            assertEquals(new Ack(2), agent.read());
            assertEquals(new Ack(3), agent.read());
        }
        assertEquals(List.of(1L, 2L, 3L), listener.storedSequences());
        assertEquals(List.of(0, 1, 0), listener.stored().stream().map(batch -> batch.checks().size()).toList());
        assertEquals("DISK OK - free space: / 3326 MB (56%)", listener.stored().get(1).checks().get(0).text());
    }

    @Test
    void a_batch_with_check_runs_on_a_version_1_connection_is_unexpected_and_closes_it() throws Exception {
        try (TestAgent agent = server.connect()) {
            agent.handshakeAsVersion1("old-agent");
            agent.send(Batches.small(1));
            assertEquals(new Ack(1), agent.read());

            agent.send(Batches.withDiskCheck(2, 0, "DISK OK"));
            String message = agent.readError(ErrorCode.UNEXPECTED_FRAME).message();
            assertTrue(message.contains("BATCH_WITH_CHECKS") && message.contains("version 1"), message);
            agent.assertClosedByServer();
        }
        assertEquals(List.of(1L), listener.storedSequences());
    }

    @Test
    void a_check_run_with_an_unknown_status_is_malformed_and_nothing_of_its_batch_is_delivered() throws Exception {
        try (TestAgent agent = server.connect()) {
            agent.handshake("agent-1");
            agent.sendRaw(withRun("disk", 7, "DISK OK"));
            String message = agent.readError(ErrorCode.MALFORMED_FRAME).message();
            assertTrue(message.contains("status"), message);
            agent.assertClosedByServer();
        }
        assertEquals(0, listener.deliveriesStarted());
    }

    @Test
    void a_check_run_whose_text_is_over_1024_bytes_or_spans_lines_is_malformed() throws Exception {
        for (String text : new String[] {"x".repeat(1025), "DISK OK\nlong output"}) {
            try (TestAgent agent = server.connect()) {
                agent.handshake("agent-1");
                agent.sendRaw(withRun("disk", 0, text));
                String message = agent.readError(ErrorCode.MALFORMED_FRAME).message();
                assertTrue(message.contains("text"), message);
                agent.assertClosedByServer();
            }
        }
        assertEquals(0, listener.deliveriesStarted());
    }

    /** A BATCH_WITH_CHECKS of one sample and one run, laid out by hand so that it can break the rules. */
    private static byte[] withRun(String check, int status, String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeLong(1);
        out.writeInt(1);
        string(out, "check.disk.status");
        out.writeLong(1_700_000_000_000L);
        out.writeDouble(0);
        out.writeShort(1);
        string(out, check);
        out.writeByte(status);
        out.writeLong(1_700_000_000_000L);
        out.writeInt(42);
        string(out, text);
        byte[] payload = bytes.toByteArray();
        return ByteBuffer.allocate(5 + payload.length).putInt(1 + payload.length)
                .put((byte) FrameType.BATCH_WITH_CHECKS.code()).put(payload).array();
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeShort(utf8.length);
        out.write(utf8);
    }
}

package io.vantage.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

    private static final List<Frame> EVERY_FRAME = List.of(
            new Hello(1, 1, "agent-1", "secret", "web-01", "0.1.0"),
            new Welcome(1, 42, 30),
            new SampleBatch(7, List.of(new Sample("cpu.user", 1_700_000_000_000L, 12.5),
                    new Sample("load.1m", 1_700_000_000_000L, 0.25))),
            new Ack(7),
            new ErrorFrame(ErrorCode.BATCH_NOT_STORED, "storage unavailable"),
            new Ping(99),
            new Pong(99),
            RequestKinds.processes(3, 20, false),
            new Response(3, ResponseStatus.OK, RequestKinds.PROCESSES, "", new ProcessTable(1_700_000_000_000L, 4_000,
                    212, List.of(new ProcessEntry(4242, "www-data", 37.5, 123_456_789L, "nginx: worker process"),
                    new ProcessEntry(2, "root", 0, 0, "[kthreadd]")))),
            new Response(4, ResponseStatus.UNSUPPORTED, "sockets", "unknown kind", null),
            new SampleBatch(8, List.of(new Sample("check.disk.status", 1_700_000_000_000L, 0)),
                    List.of(new CheckRun("disk", 0, "DISK OK - free space: / 3326 MB (56%)", 1_700_000_000_000L, 42))));

    @Test
    void every_frame_survives_a_round_trip_through_bytes() throws Exception {
        for (Frame frame : EVERY_FRAME) {
            List<Frame> decoded = new FrameDecoder(FrameCodec.DEFAULT_MAX_FRAME_BYTES)
                    .decode(ByteBuffer.wrap(FrameCodec.encode(frame)));
            assertEquals(List.of(frame), decoded);
        }
    }

    @Test
    void frames_split_at_every_byte_are_reassembled_in_order() throws Exception {
        ByteBuffer stream = ByteBuffer.allocate(4096);
        EVERY_FRAME.forEach(f -> stream.put(FrameCodec.encode(f)));
        stream.flip();
        FrameDecoder decoder = new FrameDecoder(FrameCodec.DEFAULT_MAX_FRAME_BYTES);
        List<Frame> decoded = new ArrayList<>();
        while (stream.hasRemaining()) {
            decoded.addAll(decoder.decode(stream.slice(stream.position(), 1)));
            stream.position(stream.position() + 1);
        }
        assertEquals(EVERY_FRAME, decoded);
        assertFalse(decoder.hasPartialFrame());
    }

    @Test
    void a_blocking_reader_reads_what_the_encoder_wrote_then_reports_the_end() throws Exception {
        byte[] a = FrameCodec.encode(EVERY_FRAME.get(0));
        byte[] b = FrameCodec.encode(EVERY_FRAME.get(2));
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        FrameReader reader = new FrameReader(new ByteArrayInputStream(both), 1024);
        assertEquals(EVERY_FRAME.get(0), reader.read());
        assertEquals(EVERY_FRAME.get(2), reader.read());
        assertThrows(EOFException.class, reader::read);
    }

    @Test
    void an_http_request_is_refused_as_too_large_before_its_body_is_buffered() {
        byte[] http = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> new FrameDecoder(FrameCodec.DEFAULT_MAX_FRAME_BYTES).decode(ByteBuffer.wrap(http)));
        assertEquals(ErrorCode.FRAME_TOO_LARGE, e.code());
    }

    @Test
    void a_frame_over_the_configured_limit_is_refused() {
        byte[] batch = FrameCodec.encode(EVERY_FRAME.get(2));
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> new FrameDecoder(32).decode(ByteBuffer.wrap(batch)));
        assertEquals(ErrorCode.FRAME_TOO_LARGE, e.code());
    }

    @Test
    void a_length_prefix_with_the_high_bit_set_is_too_large_not_negative() throws Exception {
        byte[] huge = {(byte) 0x80, 0, 0, 0, 1};
        ProtocolException decoded = assertThrows(ProtocolException.class,
                () -> new FrameDecoder(FrameCodec.DEFAULT_MAX_FRAME_BYTES).decode(ByteBuffer.wrap(huge)));
        assertEquals(ErrorCode.FRAME_TOO_LARGE, decoded.code());
        ProtocolException read = assertThrows(ProtocolException.class,
                () -> new FrameReader(new ByteArrayInputStream(huge), FrameCodec.DEFAULT_MAX_FRAME_BYTES).read());
        assertEquals(ErrorCode.FRAME_TOO_LARGE, read.code());
    }

    @Test
    void an_unknown_frame_type_is_malformed() {
        byte[] frame = {0, 0, 0, 1, 0x7F};
        assertMalformed(frame);
    }

    @Test
    void a_zero_length_frame_is_malformed() {
        assertMalformed(new byte[] {0, 0, 0, 0});
    }

    @Test
    void a_hello_without_the_magic_is_malformed() {
        byte[] hello = FrameCodec.encode(EVERY_FRAME.get(0));
        hello[5] = 'X';
        assertMalformed(hello);
    }

    @Test
    void a_batch_declaring_more_samples_than_it_holds_is_malformed() {
        byte[] batch = FrameCodec.encode(EVERY_FRAME.get(2));
        ByteBuffer.wrap(batch).putInt(5 + 8, 40_000);
        assertMalformed(batch);
    }

    @Test
    void a_batch_with_a_non_finite_value_is_malformed() {
        byte[] batch = FrameCodec.encode(new SampleBatch(1, List.of(new Sample("cpu.user", 1L, Double.NaN))));
        assertMalformed(batch);
    }

    @Test
    void a_frame_with_trailing_bytes_is_malformed() {
        byte[] ack = FrameCodec.encode(new Ack(1));
        byte[] longer = new byte[ack.length + 1];
        System.arraycopy(ack, 0, longer, 0, ack.length);
        ByteBuffer.wrap(longer).putInt(0, ack.length - 3);
        assertMalformed(longer);
    }

    @Test
    void invalid_utf8_in_a_string_is_malformed() {
        byte[] error = FrameCodec.encode(new ErrorFrame(ErrorCode.MALFORMED_FRAME, "ab"));
        error[error.length - 1] = (byte) 0xC3;
        assertMalformed(error);
    }

    @Test
    void versions_negotiate_to_the_newest_common_one_or_fail() throws Exception {
        assertEquals(2, ProtocolVersions.negotiate(1, 5));
        assertEquals(1, ProtocolVersions.negotiate(1, 1));
        assertEquals(2, ProtocolVersions.negotiate(2, 2));
        ProtocolException e = assertThrows(ProtocolException.class, () -> ProtocolVersions.negotiate(3, 4));
        assertEquals(ErrorCode.UNSUPPORTED_VERSION, e.code());
    }

    @Test
    void only_version_2_and_later_carry_requests() {
        assertFalse(ProtocolVersions.carriesRequests(ProtocolVersions.V1));
        assertTrue(ProtocolVersions.carriesRequests(ProtocolVersions.V2));
    }

    @Test
    void only_version_2_and_later_carry_check_runs_and_a_batch_drops_them_for_version_1() {
        assertFalse(ProtocolVersions.carriesCheckRuns(ProtocolVersions.V1));
        assertTrue(ProtocolVersions.carriesCheckRuns(ProtocolVersions.V2));
        SampleBatch withChecks = (SampleBatch) EVERY_FRAME.get(EVERY_FRAME.size() - 1);
        assertEquals(FrameType.BATCH_WITH_CHECKS, withChecks.type());
        SampleBatch plain = withChecks.withoutChecks();
        assertEquals(FrameType.BATCH, plain.type());
        assertEquals(withChecks.samples(), plain.samples());
        assertEquals(FrameType.BATCH.code(), FrameCodec.encode(plain)[4], "a version 1 server reads it as ever");
    }

    @Test
    void metric_names_are_dotted_segments_of_safe_characters() {
        assertTrue(MetricNames.isValid("cpu.user"));
        assertTrue(MetricNames.isValid("net.eth0.rx_bytes"));
        assertFalse(MetricNames.isValid(""));
        assertFalse(MetricNames.isValid("cpu..user"));
        assertFalse(MetricNames.isValid("cpu user"));
        assertFalse(MetricNames.isValid("x".repeat(201)));
    }

    static void assertMalformed(byte[] bytes) {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> new FrameDecoder(FrameCodec.DEFAULT_MAX_FRAME_BYTES).decode(ByteBuffer.wrap(bytes)));
        assertEquals(ErrorCode.MALFORMED_FRAME, e.code(), e.getMessage());
    }
}

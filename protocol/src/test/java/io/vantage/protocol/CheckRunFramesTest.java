package io.vantage.protocol;

import static io.vantage.protocol.FrameCodecTest.assertMalformed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The version 2 BATCH_WITH_CHECKS frame: check runs beside the samples, their bounds and every way their bytes can be wrong. */
class CheckRunFramesTest {

    private static final long T = 1_700_000_000_000L;

    @Test
    void a_batch_with_check_runs_survives_a_round_trip_with_every_status_and_a_text_at_its_limit() throws Exception {
        List<CheckRun> runs = List.of(
                new CheckRun("disk", 0, "DISK OK - free space: / 3326 MB (56%)", T, 42),
                new CheckRun("load", 1, "WARNING - load average: 5.1, 4.0, 3.2", T + 1, 3),
                new CheckRun("http:8080", 2, "é".repeat(CheckRun.MAX_TEXT_BYTES / 2), T + 2, 0xFFFF_FFFFL),
                new CheckRun("x".repeat(CheckRun.MAX_NAME_CHARS), 3, "", T + 3, 0));
        SampleBatch batch = new SampleBatch(9, List.of(new Sample("check.disk.status", T, 0)), runs);
        byte[] bytes = FrameCodec.encode(batch);
        assertEquals(FrameType.BATCH_WITH_CHECKS.code(), bytes[4]);
        assertEquals(List.of(batch), new FrameDecoder(FrameCodec.DEFAULT_MAX_FRAME_BYTES).decode(ByteBuffer.wrap(bytes)));
    }

    @Test
    void the_most_runs_at_their_largest_fit_the_default_frame_limit_with_room_for_samples() {
        List<CheckRun> runs = new ArrayList<>();
        for (int i = 0; i < CheckRun.MAX_PER_BATCH; i++) {
            runs.add(new CheckRun(("c" + i + "x".repeat(CheckRun.MAX_NAME_CHARS)).substring(0, CheckRun.MAX_NAME_CHARS),
                    3, "€".repeat(CheckRun.MAX_TEXT_BYTES / 3), T, 0xFFFF_FFFFL));
        }
        int bytes = FrameCodec.encode(new SampleBatch(1, List.of(new Sample("a", T, 1)), runs)).length;
        assertTrue(bytes <= CheckRun.MAX_PER_BATCH * CheckRun.MAX_ENCODED_BYTES + 64, bytes + " bytes");
        assertTrue(bytes < FrameCodec.DEFAULT_MAX_FRAME_BYTES / 3, bytes + " bytes");
    }

    @Test
    void a_batch_with_checks_declaring_no_runs_is_malformed() throws IOException {
        assertMalformed(samples().u16(0).frame(FrameType.BATCH_WITH_CHECKS));
    }

    @Test
    void a_batch_with_checks_declaring_more_than_256_runs_is_malformed() throws IOException {
        Wire wire = samples().u16(CheckRun.MAX_PER_BATCH + 1);
        for (int i = 0; i <= CheckRun.MAX_PER_BATCH; i++) {
            run(wire, "c" + i, 0, "ok");
        }
        assertMalformed(wire.frame(FrameType.BATCH_WITH_CHECKS));
    }

    @Test
    void a_batch_with_checks_declaring_more_runs_than_it_holds_is_malformed() throws IOException {
        assertMalformed(run(samples().u16(200), "disk", 0, "ok").frame(FrameType.BATCH_WITH_CHECKS));
    }

    @Test
    void a_batch_with_checks_without_its_check_section_is_malformed() throws IOException {
        assertMalformed(samples().frame(FrameType.BATCH_WITH_CHECKS));
    }

    @Test
    void a_run_with_a_status_outside_0_to_3_is_malformed() throws IOException {
        assertMalformed(run(samples().u16(1), "disk", 4, "ok").frame(FrameType.BATCH_WITH_CHECKS));
        assertMalformed(run(samples().u16(1), "disk", 255, "ok").frame(FrameType.BATCH_WITH_CHECKS));
    }

    @Test
    void a_run_whose_check_name_is_not_one_metric_segment_is_malformed() throws IOException {
        for (String name : new String[] {"", "disk.root", "disk root", "x".repeat(CheckRun.MAX_NAME_CHARS + 1)}) {
            assertMalformed(run(samples().u16(1), name, 0, "ok").frame(FrameType.BATCH_WITH_CHECKS));
        }
    }

    @Test
    void a_run_whose_text_is_over_1024_bytes_is_malformed() throws IOException {
        assertMalformed(run(samples().u16(1), "disk", 0, "x".repeat(CheckRun.MAX_TEXT_BYTES + 1))
                .frame(FrameType.BATCH_WITH_CHECKS));
        // counted in bytes, not characters
        assertMalformed(run(samples().u16(1), "disk", 0, "é".repeat(CheckRun.MAX_TEXT_BYTES / 2 + 1))
                .frame(FrameType.BATCH_WITH_CHECKS));
    }

    @Test
    void a_run_whose_text_holds_a_line_break_or_another_control_character_is_malformed() throws IOException {
        for (String text : new String[] {"OK\nlong output", "OK\r", "\u0000", "\u001b[31mRED", "\u0085"}) {
            assertMalformed(run(samples().u16(1), "disk", 0, text).frame(FrameType.BATCH_WITH_CHECKS));
        }
    }

    @Test
    void a_run_whose_text_is_not_utf8_is_malformed() throws IOException {
        byte[] frame = run(samples().u16(1), "disk", 0, "ab").frame(FrameType.BATCH_WITH_CHECKS);
        frame[frame.length - 1] = (byte) 0xC3;
        assertMalformed(frame);
    }

    @Test
    void a_run_cut_short_or_followed_by_stray_bytes_is_malformed() throws IOException {
        assertMalformed(samples().u16(1).string("disk").u8(0).i64(T).frame(FrameType.BATCH_WITH_CHECKS));
        assertMalformed(run(samples().u16(1), "disk", 0, "ok").u8(0).frame(FrameType.BATCH_WITH_CHECKS));
    }

    @Test
    void the_samples_of_a_batch_with_checks_follow_the_batch_rules() throws IOException {
        Wire noSamples = new Wire().i64(1).u32(0).u16(1);
        assertMalformed(run(noSamples, "disk", 0, "ok").frame(FrameType.BATCH_WITH_CHECKS));
        Wire zeroSequence = new Wire().i64(0).u32(1).string("a").i64(T).f64(1).u16(1);
        assertMalformed(run(zeroSequence, "disk", 0, "ok").frame(FrameType.BATCH_WITH_CHECKS));
    }

    @Test
    void runs_out_of_bounds_cannot_even_be_built() {
        assertThrows(IllegalArgumentException.class, () -> new CheckRun("disk", -1, "", T, 0));
        assertThrows(IllegalArgumentException.class, () -> new CheckRun("disk", 0, "", T, -1));
        assertThrows(IllegalArgumentException.class, () -> new CheckRun("disk", 0, "", T, 1L << 32));
        assertThrows(IllegalArgumentException.class, () -> new CheckRun("a.b", 0, "", T, 0));
        assertThrows(IllegalArgumentException.class, () -> new CheckRun("disk", 0, "a\nb", T, 0));
        List<CheckRun> tooMany = new ArrayList<>();
        for (int i = 0; i <= CheckRun.MAX_PER_BATCH; i++) {
            tooMany.add(new CheckRun("c" + i, 0, "", T, 0));
        }
        assertThrows(IllegalArgumentException.class, () -> new SampleBatch(1, List.of(new Sample("a", T, 1)), tooMany));
    }

    @Test
    void a_text_is_bounded_by_cutting_it_with_a_marker_and_blanking_control_characters() {
        assertEquals("DISK OK", CheckRun.boundedText("DISK OK"));
        assertEquals("a b\tc d", CheckRun.boundedText("a\u0000b\tc\u001bd"));
        String cut = CheckRun.boundedText("x".repeat(5000));
        assertEquals(CheckRun.MAX_TEXT_BYTES, cut.getBytes(StandardCharsets.UTF_8).length);
        assertTrue(cut.endsWith(CheckRun.TRUNCATION_MARKER), cut);
        String wide = CheckRun.boundedText("€".repeat(1000));
        assertTrue(wide.getBytes(StandardCharsets.UTF_8).length <= CheckRun.MAX_TEXT_BYTES);
        assertTrue(wide.endsWith("€" + CheckRun.TRUNCATION_MARKER), "cut at a character boundary");
        String exact = "y".repeat(CheckRun.MAX_TEXT_BYTES);
        assertEquals(exact, CheckRun.boundedText(exact), "a text at the limit is not cut");
        new CheckRun("disk", 0, cut, T, 0);
        new CheckRun("disk", 0, wide, T, 0);
    }

    @Test
    void status_names_follow_the_plugin_api() {
        assertEquals(List.of("OK", "WARNING", "CRITICAL", "UNKNOWN"),
                List.of(0, 1, 2, 3).stream().map(s -> new CheckRun("c", s, "", T, 0).statusName()).toList());
    }

    /** One valid sample, as a BATCH lays it out. */
    private static Wire samples() throws IOException {
        return new Wire().i64(1).u32(1).string("check.disk.status").i64(T).f64(0);
    }

    private static Wire run(Wire wire, String check, int status, String text) throws IOException {
        return wire.string(check).u8(status).i64(T).u32(10).string(text);
    }
}

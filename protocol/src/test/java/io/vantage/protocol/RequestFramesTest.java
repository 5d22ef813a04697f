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
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The version 2 frames, REQUEST and RESPONSE: their bounds and every way their bytes can be wrong. */
class RequestFramesTest {

    @Test
    void a_request_encodes_its_arguments_in_name_order_so_equal_requests_are_equal_bytes() {
        Request a = new Request(1, "processes", Map.of("sort", "cpu", "limit", "5"));
        Request b = new Request(1, "processes", Map.of("limit", "5", "sort", "cpu"));
        assertEquals(List.of("limit", "sort"), new ArrayList<>(a.arguments().keySet()));
        assertEquals(ByteBuffer.wrap(FrameCodec.encode(a)), ByteBuffer.wrap(FrameCodec.encode(b)));
    }

    @Test
    void a_request_with_id_zero_is_malformed() throws IOException {
        assertMalformed(request(0, "processes", 0));
    }

    @Test
    void a_request_whose_kind_is_not_a_lowercase_name_is_malformed() throws IOException {
        assertMalformed(request(1, "Processes", 0));
        assertMalformed(request(1, "", 0));
        assertMalformed(request(1, "x".repeat(Request.MAX_KIND_CHARS + 1), 0));
    }

    @Test
    void a_request_with_more_than_sixteen_arguments_is_malformed() throws IOException {
        Wire wire = new Wire().u32(1).string("processes").u8(Request.MAX_ARGUMENTS + 1);
        for (int i = 0; i <= Request.MAX_ARGUMENTS; i++) {
            wire.string("a" + i).string("v");
        }
        assertMalformed(wire.frame(FrameType.REQUEST));
    }

    @Test
    void a_request_naming_an_argument_twice_is_malformed() throws IOException {
        assertMalformed(new Wire().u32(1).string("processes").u8(2).string("limit").string("5")
                .string("limit").string("6").frame(FrameType.REQUEST));
    }

    @Test
    void a_request_argument_value_over_256_bytes_is_malformed() throws IOException {
        assertMalformed(new Wire().u32(1).string("processes").u8(1).string("limit")
                .string("9".repeat(Request.MAX_VALUE_BYTES + 1)).frame(FrameType.REQUEST));
    }

    @Test
    void a_request_cut_short_is_malformed() throws IOException {
        assertMalformed(new Wire().u32(1).string("processes").u8(1).string("limit").frame(FrameType.REQUEST));
    }

    @Test
    void a_response_with_an_unknown_status_is_malformed() throws IOException {
        assertMalformed(new Wire().u32(1).u8(7).string("processes").string("").frame(FrameType.RESPONSE));
    }

    @Test
    void a_response_to_request_id_zero_is_malformed() throws IOException {
        assertMalformed(new Wire().u32(0).u8(ResponseStatus.ERROR.code()).string("processes").string("no")
                .frame(FrameType.RESPONSE));
    }

    @Test
    void an_ok_response_of_a_kind_without_a_defined_body_is_malformed() throws IOException {
        assertMalformed(new Wire().u32(1).u8(ResponseStatus.OK.code()).string("sockets").string("")
                .frame(FrameType.RESPONSE));
    }

    @Test
    void a_failed_response_carrying_a_body_is_malformed() throws IOException {
        assertMalformed(table(new Wire().u32(1).u8(ResponseStatus.ERROR.code()).string("processes").string("no"), 0)
                .frame(FrameType.RESPONSE));
    }

    @Test
    void an_ok_response_with_a_message_is_malformed() throws IOException {
        assertMalformed(table(new Wire().u32(1).u8(ResponseStatus.OK.code()).string("processes").string("fine"), 0)
                .frame(FrameType.RESPONSE));
    }

    @Test
    void a_process_table_over_500_entries_is_malformed() throws IOException {
        assertMalformed(table(okProcesses(), ProcessTable.MAX_ENTRIES + 1).frame(FrameType.RESPONSE));
    }

    @Test
    void a_process_table_declaring_more_entries_than_it_holds_is_malformed() throws IOException {
        Wire wire = okProcesses().i64(1L).u32(500).u32(10).u16(400);
        entry(wire, 1, "root", 1.0, 1, "init");
        assertMalformed(wire.frame(FrameType.RESPONSE));
    }

    @Test
    void a_process_entry_with_a_bad_field_is_malformed() throws IOException {
        assertMalformed(oneEntry(0, "root", 1.0, 1, "init"));
        assertMalformed(oneEntry(1, "root", -0.5, 1, "init"));
        assertMalformed(oneEntry(1, "root", Double.NaN, 1, "init"));
        assertMalformed(oneEntry(1, "root", Double.POSITIVE_INFINITY, 1, "init"));
        assertMalformed(oneEntry(1, "root", 1.0, -1, "init"));
        assertMalformed(oneEntry(1, "u".repeat(ProcessEntry.MAX_USER_BYTES + 1), 1.0, 1, "init"));
        assertMalformed(oneEntry(1, "root", 1.0, 1, "c".repeat(ProcessEntry.MAX_COMMAND_BYTES + 1)));
    }

    @Test
    void a_response_with_bytes_after_its_table_is_malformed() throws IOException {
        Wire wire = table(okProcesses(), 1).u8(0);
        assertMalformed(wire.frame(FrameType.RESPONSE));
    }

    @Test
    void frames_out_of_bounds_cannot_even_be_built() {
        assertThrows(IllegalArgumentException.class, () -> new Request(Request.MAX_REQUEST_ID + 1, "processes", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new Request(1, "processes", Map.of("Limit", "1")));
        List<ProcessEntry> tooMany = new ArrayList<>();
        for (int i = 1; i <= ProcessTable.MAX_ENTRIES + 1; i++) {
            tooMany.add(new ProcessEntry(i, "root", 0, 0, "x"));
        }
        assertThrows(IllegalArgumentException.class, () -> new ProcessTable(1, 1, 1, tooMany));
        assertThrows(IllegalArgumentException.class,
                () -> new Response(1, ResponseStatus.OK, "processes", "", null));
        assertThrows(IllegalArgumentException.class, () -> new Response(1, ResponseStatus.ERROR, "processes", "x",
                new ProcessTable(1, 1, 1, List.of())));
    }

    @Test
    void the_entries_a_frame_limit_allows_fit_that_limit_even_with_the_longest_users_and_commands() {
        for (int limit : new int[] {FrameCodec.DEFAULT_MAX_FRAME_BYTES, 64 * 1024, 4096, 1024}) {
            int fitting = ProcessTable.entriesFitting(limit);
            List<ProcessEntry> entries = new ArrayList<>();
            for (int i = 1; i <= fitting; i++) {
                entries.add(new ProcessEntry(i, "é".repeat(ProcessEntry.MAX_USER_BYTES / 2), 99.9, Long.MAX_VALUE,
                        "€".repeat(ProcessEntry.MAX_COMMAND_BYTES / 3)));
            }
            Response worst = new Response(Request.MAX_REQUEST_ID, ResponseStatus.OK, "processes", "",
                    new ProcessTable(1, 1, 1, entries));
            assertTrue(FrameCodec.encode(worst).length - 4 <= limit, "limit " + limit + ", " + fitting + " entries");
        }
        assertEquals(ProcessTable.MAX_ENTRIES, ProcessTable.entriesFitting(FrameCodec.DEFAULT_MAX_FRAME_BYTES));
        assertEquals(1, ProcessTable.entriesFitting(1024));
    }

    @Test
    void text_is_cut_to_a_utf8_budget_without_splitting_a_character() {
        assertEquals("abc", Utf8.truncate("abc", 3));
        assertEquals("ab", Utf8.truncate("abé", 3));
        assertEquals("é", Utf8.truncate("éé", 3));
        assertEquals("", Utf8.truncate("😀", 3));
        String cut = Utf8.truncate("x€".repeat(400), ProcessEntry.MAX_COMMAND_BYTES);
        assertTrue(cut.getBytes(StandardCharsets.UTF_8).length <= ProcessEntry.MAX_COMMAND_BYTES);
        assertTrue(cut.getBytes(StandardCharsets.UTF_8).length > ProcessEntry.MAX_COMMAND_BYTES - 4);
    }

    private static byte[] request(long id, String kind, int arguments) throws IOException {
        return new Wire().u32(id).string(kind).u8(arguments).frame(FrameType.REQUEST);
    }

    private static Wire okProcesses() throws IOException {
        return new Wire().u32(1).u8(ResponseStatus.OK.code()).string("processes").string("");
    }

    private static Wire table(Wire wire, int entries) throws IOException {
        wire.i64(1_700_000_000_000L).u32(500).u32(entries).u16(entries);
        for (int i = 1; i <= entries; i++) {
            entry(wire, i, "root", 0.5, 4096, "cmd");
        }
        return wire;
    }

    private static byte[] oneEntry(long pid, String user, double cpu, long rss, String command) throws IOException {
        return entry(okProcesses().i64(1L).u32(500).u32(1).u16(1), pid, user, cpu, rss, command)
                .frame(FrameType.RESPONSE);
    }

    private static Wire entry(Wire wire, long pid, String user, double cpu, long rss, String command)
            throws IOException {
        return wire.u32(pid).string(user).f64(cpu).i64(rss).string(command);
    }
}

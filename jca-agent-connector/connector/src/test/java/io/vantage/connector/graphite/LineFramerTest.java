package io.vantage.connector.graphite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Cutting bytes into lines: either line end, lines split across reads, and the input that ends a connection. */
class LineFramerTest {

    private final List<String> lines = new ArrayList<>();
    private final LineFramer framer = new LineFramer(8);

    @Test
    void lines_end_in_lf_or_crlf_and_may_arrive_in_pieces() throws Exception {
        feed("a 1 1\r\nb 2");
        feed(" 2\n\n");
        assertEquals(List.of("a 1 1", "b 2 2", ""), lines);
        feed("partial");
        assertEquals(7, framer.pending());
    }

    @Test
    void a_line_of_exactly_the_limit_passes_with_either_line_end_and_one_byte_more_is_fatal() throws Exception {
        feed("12345678\n12345678\r\n");
        assertEquals(List.of("12345678", "12345678"), lines);
        FatalInputException tooLong = assertThrows(FatalInputException.class, () -> feed("123456789\n"));
        assertEquals("line longer than 8 bytes", tooLong.getMessage());
        framer.discard();
        assertThrows(FatalInputException.class, () -> feed("12345678x"));
    }

    @Test
    void a_nul_byte_is_fatal() {
        FatalInputException binary = assertThrows(FatalInputException.class, () -> feed("a\u00001 1\n"));
        assertEquals("binary data (a NUL byte) is not Graphite's plaintext protocol", binary.getMessage());
    }

    private void feed(String text) throws FatalInputException {
        framer.feed(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)),
                (bytes, length) -> lines.add(new String(bytes, 0, length, StandardCharsets.UTF_8)));
    }
}

package io.vantage.connector.graphite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One line of Graphite's plaintext protocol: what is taken, converted to milliseconds, and what is dropped. */
class GraphiteLineParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "servers.web1.cpu 12.5 1700000000        | servers.web1.cpu | 12.5    | 1700000000000",
            "a 1 1                                   | a                | 1.0     | 1000",
            "  disk.used\t-3e2   1700000000.25   | disk.used        | -300.0  | 1700000000250",
            "x.y +.5 1700000000.0004                 | x.y              | 0.5     | 1700000000000",
            "temp.küche 21 1700000000                | temp.küche       | 21.0    | 1700000000000"})
    void a_valid_line_is_parsed_with_its_timestamp_in_milliseconds(String line, String path, double value,
                                                                   long millis) throws Exception {
        assertEquals(new ParsedLine(path, value, millis), parse(line));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
            "just.a.path", "path 1", "path 1 1700000000 extra", "path one 1700000000", "path 1 yesterday",
            "path NaN 1700000000", "path Infinity 1700000000", "path 1e999 1700000000", "path 0x10 1700000000",
            "path 1d 1700000000", "path 1 -1", "path 1 0", "path 1 1e9", "path . 1700000000", "path 1e 1700000000",
            "pa\u0001th 1 1700000000", "pa\u00a0th 1 1700000000", "path 1 99999999999999999999", "   "})
    void an_invalid_line_is_refused(String line) {
        assertThrows(InvalidLineException.class, () -> parse(line));
    }

    @Test
    void a_path_may_have_255_characters_but_not_256() throws Exception {
        assertEquals(255, parse("p".repeat(255) + " 1 1700000000").path().length());
        assertThrows(InvalidLineException.class, () -> parse("p".repeat(256) + " 1 1700000000"));
    }

    @Test
    void a_path_that_is_not_utf8_is_refused() {
        byte[] line = "pa?h 1 1700000000".getBytes(StandardCharsets.US_ASCII);
        line[2] = (byte) 0xC3; // a lead byte with no continuation
        assertThrows(InvalidLineException.class, () -> GraphiteLineParser.parse(line, line.length));
    }

    private static ParsedLine parse(String line) throws InvalidLineException {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return GraphiteLineParser.parse(bytes, bytes.length);
    }
}

package io.vantage.connector.graphite;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads one line of Graphite's plaintext protocol, {@code path value timestamp}, fields separated by spaces or
 * tabs. The path is at most {@value #MAX_PATH_CHARS} characters of UTF-8 without whitespace or control characters;
 * the value a finite decimal number; the timestamp positive Unix seconds, integer or decimal. Numbers are plain
 * decimals (an optional sign, digits, a fraction, an exponent): no hex, no {@code NaN}, no Java suffixes such as
 * {@code 1d}, which {@link Double#parseDouble} would otherwise let through.
 */
final class GraphiteLineParser {

    static final int MAX_PATH_CHARS = 255;
    /** The most seconds whose milliseconds still fit a long. */
    private static final long MAX_SECONDS = Long.MAX_VALUE / 1000;

    private GraphiteLineParser() {
    }

    /**
     * @param line   the line's bytes, without its terminator
     * @param length how many of them make the line
     */
    static ParsedLine parse(byte[] line, int length) throws InvalidLineException {
        int[] bounds = new int[6];
        int fields = split(line, length, bounds);
        if (fields < 3) {
            throw new InvalidLineException(fields == 2 ? "no timestamp" : "expected 'path value timestamp'");
        }
        String path = path(line, bounds[0], bounds[1]);
        double value = number(line, bounds[2], bounds[3], true, "value");
        if (!Double.isFinite(value)) {
            throw new InvalidLineException("value out of range");
        }
        return new ParsedLine(path, value, timestampMillis(line, bounds[4], bounds[5]));
    }

    /** Finds up to three fields as start/end pairs; @return how many, failing on a fourth. */
    private static int split(byte[] line, int length, int[] bounds) throws InvalidLineException {
        int fields = 0;
        int i = 0;
        while (true) {
            while (i < length && isSeparator(line[i])) {
                i++;
            }
            if (i == length) {
                return fields;
            }
            if (fields == 3) {
                throw new InvalidLineException("more than three fields");
            }
            bounds[2 * fields] = i;
            while (i < length && !isSeparator(line[i])) {
                i++;
            }
            bounds[2 * fields + 1] = i;
            fields++;
        }
    }

    private static String path(byte[] line, int from, int to) throws InvalidLineException {
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            ascii &= line[i] >= 0;
        }
        String path = ascii ? new String(line, from, to - from, StandardCharsets.ISO_8859_1) : utf8(line, from, to);
        if (path.length() > MAX_PATH_CHARS) {
            throw new InvalidLineException("path longer than " + MAX_PATH_CHARS + " characters");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                throw new InvalidLineException("control or whitespace character in the path");
            }
        }
        return path;
    }

    private static String utf8(byte[] line, int from, int to) throws InvalidLineException {
        try {
            // strict: replacing bad bytes with U+FFFD would store a path the sender never sent
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidLineException("path is not UTF-8");
        }
    }

    private static long timestampMillis(byte[] line, int from, int to) throws InvalidLineException {
        double seconds = number(line, from, to, false, "timestamp");
        if (!(seconds > 0) || seconds >= MAX_SECONDS) {
            throw new InvalidLineException("timestamp must be positive Unix seconds");
        }
        // integer seconds (the usual case) are exact in a double up to 2^53, far beyond any real timestamp
        long millis = Math.round(seconds * 1000);
        if (millis <= 0) {
            throw new InvalidLineException("timestamp must be positive Unix seconds");
        }
        return millis;
    }

    /** Checks the plain decimal grammar, then lets the JDK do the exact conversion. */
    private static double number(byte[] line, int from, int to, boolean exponent, String what)
            throws InvalidLineException {
        int i = from;
        if (i < to && (line[i] == '+' || line[i] == '-')) {
            i++;
        }
        int digits = 0;
        while (i < to && isDigit(line[i])) {
            i++;
            digits++;
        }
        if (i < to && line[i] == '.') {
            i++;
            while (i < to && isDigit(line[i])) {
                i++;
                digits++;
            }
        }
        if (digits > 0 && exponent && i < to && (line[i] == 'e' || line[i] == 'E')) {
            i++;
            if (i < to && (line[i] == '+' || line[i] == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < to && isDigit(line[i])) {
                i++;
                exponentDigits++;
            }
            digits = exponentDigits == 0 ? 0 : digits;
        }
        if (digits == 0 || i != to) {
            throw new InvalidLineException(what + " is not a decimal number");
        }
        return Double.parseDouble(new String(line, from, to - from, StandardCharsets.ISO_8859_1));
    }

    private static boolean isSeparator(byte b) {
        return b == ' ' || b == '\t';
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}

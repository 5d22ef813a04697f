package io.vantage.connector.fuzz.graphite;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The fuzz test's own reading of what makes a Graphite line valid, written from the protocol's rules rather than
 * from the server's parser so that the two can disagree: exactly three fields separated by spaces or tabs; a path
 * of strict UTF-8, at most 255 characters, none of them control or white space; a finite plain-decimal value,
 * exponent allowed; a plain-decimal timestamp of positive Unix seconds whose milliseconds fit a long.
 */
public final class GraphiteLineRules {

    public static final int MAX_PATH_CHARS = 255;
    private static final Pattern VALUE = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern TIMESTAMP = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)");
    private static final double MAX_SECONDS = Long.MAX_VALUE / 1000;

    private GraphiteLineRules() {
    }

    /** Whether the first {@code length} bytes of {@code line} (no terminator, not empty) are a valid line. */
    public static boolean isValid(byte[] line, int length) {
        List<byte[]> fields = fields(line, length);
        if (fields.size() != 3) {
            return false;
        }
        return isPath(fields.get(0)) && isValue(ascii(fields.get(1))) && isTimestamp(ascii(fields.get(2)));
    }

    /** Whether a path as the application receives it is one the rules allow. */
    public static boolean isPath(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_PATH_CHARS) {
            return false;
        }
        for (char c : path.toCharArray()) {
            if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPath(byte[] bytes) {
        try {
            return isPath(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean isValue(String text) {
        return VALUE.matcher(text).matches() && Double.isFinite(Double.parseDouble(text));
    }

    private static boolean isTimestamp(String text) {
        if (!TIMESTAMP.matcher(text).matches()) {
            return false;
        }
        double seconds = Double.parseDouble(text);
        return seconds > 0 && seconds < MAX_SECONDS && Math.round(seconds * 1000) > 0;
    }

    private static List<byte[]> fields(byte[] line, int length) {
        List<byte[]> fields = new ArrayList<>(3);
        int start = -1;
        for (int i = 0; i <= length; i++) {
            boolean separator = i == length || line[i] == ' ' || line[i] == '\t';
            if (separator && start >= 0) {
                byte[] field = new byte[i - start];
                System.arraycopy(line, start, field, 0, field.length);
                fields.add(field);
                start = -1;
            } else if (!separator && start < 0) {
                start = i;
            }
        }
        return fields;
    }

    /** Non-ASCII bytes become characters no number pattern matches. */
    private static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}

package io.vantage.connector.fuzz.graphite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the Graphite listener said on one connection, read until it closed, and how the stream ended. The
 * only thing it may ever say is one {@code ERROR <reason>} line of printable ASCII.
 *
 * @param bytes what was read, at most {@link #MAX_BYTES}
 * @param end   how reading stopped
 */
record GraphiteAnswer(byte[] bytes, End end) {

    /** How reading stopped. */
    enum End { EOF, RESET, TIMED_OUT }

    private static final int MAX_BYTES = 4_096;
    private static final Pattern ERROR_LINE = Pattern.compile("ERROR ([\\x20-\\x7e]+)\n");

    static GraphiteAnswer readToEnd(InputStream in) {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[512];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                read.write(buffer, 0, n);
                if (read.size() > MAX_BYTES) {
                    return new GraphiteAnswer(read.toByteArray(), End.EOF);
                }
            }
            return new GraphiteAnswer(read.toByteArray(), End.EOF);
        } catch (SocketTimeoutException e) {
            return new GraphiteAnswer(read.toByteArray(), End.TIMED_OUT);
        } catch (IOException e) {
            // a reset, or the socket closed under us by the watchdog
            return new GraphiteAnswer(read.toByteArray(), End.RESET);
        }
    }

    boolean silent() {
        return bytes.length == 0;
    }

    /** The reason of the single well-formed ERROR line that is all the server said; {@code null} otherwise. */
    String errorReason() {
        Matcher matcher = ERROR_LINE.matcher(text());
        return matcher.matches() ? matcher.group(1) : null;
    }

    /** What was read, printable, for a failure message. */
    String shown() {
        String text = text();
        return (text.length() > 200 ? text.substring(0, 200) + "..." : text).replace("\n", "\\n");
    }

    private String text() {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}

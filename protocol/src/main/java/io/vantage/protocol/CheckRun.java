package io.vantage.protocol;

import java.util.List;
import java.util.Objects;

/**
 * One finished run of an agent's external (Nagios-compatible) check, as it travels in a
 * {@link FrameType#BATCH_WITH_CHECKS} from protocol version 2 on: what the plugin said in words, beside the numbers
 * its batch carries as {@code check.<name>.*} samples.
 *
 * @param check            the check's name, one metric name segment: 1 to {@value #MAX_NAME_CHARS} of
 *                         {@code A-Z a-z 0-9 _ - :}
 * @param status           the plugin API's exit code: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN
 * @param text             the status text (the plugin's first output line before {@code |}), at most
 *                         {@value #MAX_TEXT_BYTES} bytes of UTF-8 without control characters but tab; see
 *                         {@link #boundedText}
 * @param finishedAtMillis when the run ended, epoch milliseconds: the time its samples carry
 * @param durationMillis   from start to exit (or to the kill), 0 to 2^32-1
 */
public record CheckRun(String check, int status, String text, long finishedAtMillis, long durationMillis) {

    public static final int MAX_NAME_CHARS = 64;
    /** A status line a person reads; Nagios 3 kept 8 KiB of output, but only its first line is sent here. */
    public static final int MAX_TEXT_BYTES = 1024;
    /** What ends a text the agent had to cut to {@value #MAX_TEXT_BYTES} bytes. */
    public static final String TRUNCATION_MARKER = "…";
    /** The most runs one batch carries; a run takes at most {@value #MAX_ENCODED_BYTES} bytes on the wire. */
    public static final int MAX_PER_BATCH = 256;
    /** Name, status, time, duration and text, with their string lengths, at their largest. */
    public static final int MAX_ENCODED_BYTES = 2 + MAX_NAME_CHARS + 1 + 8 + 4 + 2 + MAX_TEXT_BYTES;
    /** The status names, by code. */
    public static final List<String> STATUS_NAMES = List.of("OK", "WARNING", "CRITICAL", "UNKNOWN");

    public CheckRun {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(text, "text");
        if (!isName(check)) {
            throw new IllegalArgumentException("check name '" + check + "' is not 1.." + MAX_NAME_CHARS
                    + " of [A-Za-z0-9_:-]");
        }
        if (status < 0 || status >= STATUS_NAMES.size()) {
            throw new IllegalArgumentException("check status must be 0..3, was " + status);
        }
        if (durationMillis < 0 || durationMillis > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("check duration must be 0..2^32-1 ms, was " + durationMillis);
        }
        if (Utf8.length(text) > MAX_TEXT_BYTES) {
            throw new IllegalArgumentException("check text of " + Utf8.length(text) + " bytes, at most "
                    + MAX_TEXT_BYTES);
        }
        int control = firstControlCharacter(text);
        if (control >= 0) {
            throw new IllegalArgumentException("check text holds control character U+"
                    + Integer.toHexString(text.charAt(control)).toUpperCase(java.util.Locale.ROOT) + " at " + control);
        }
    }

    /** OK, WARNING, CRITICAL or UNKNOWN. */
    public String statusName() {
        return STATUS_NAMES.get(status);
    }

    /**
     * {@code text} as a run may carry it: control characters (but tab) become spaces, and a text over
     * {@value #MAX_TEXT_BYTES} bytes is cut at a character boundary and ends with {@value #TRUNCATION_MARKER}, so a
     * reader sees it was cut. A text within the bounds comes back unchanged.
     */
    public static String boundedText(String text) {
        String clean = text;
        if (firstControlCharacter(text) >= 0) {
            StringBuilder replaced = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                replaced.append(isControl(c) ? ' ' : c);
            }
            clean = replaced.toString();
        }
        if (Utf8.length(clean) <= MAX_TEXT_BYTES) {
            return clean;
        }
        return Utf8.truncate(clean, MAX_TEXT_BYTES - Utf8.length(TRUNCATION_MARKER)) + TRUNCATION_MARKER;
    }

    /**
     * 1 to {@value #MAX_NAME_CHARS} of {@code A-Z a-z 0-9 _ - :}, by a plain scan: the agent builds a run per check
     * result and has no other use for regular expressions on its hot path.
     */
    static boolean isName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME_CHARS) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
                    || c == ':')) {
                return false;
            }
        }
        return true;
    }

    private static int firstControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** C0 controls but tab, DEL and C1 controls: line breaks, escapes and NULs have no place in a status line. */
    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F);
    }
}

package io.vantage.agent.collect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Small readers for /proc and /sys files, which the kernel renders afresh at every read and reports with size 0. */
final class ProcFiles {

    /** Takes one line of a file; may fail on a line it cannot read. */
    @FunctionalInterface
    interface LineConsumer {
        void accept(String line) throws IOException;
    }

    private ProcFiles() {
    }

    /**
     * The first line that {@code wanted} accepts.
     *
     * @throws IOException when the file cannot be read or holds no such line
     */
    static String firstLine(Path file, Predicate<String> wanted) throws IOException {
        // read line by line and stop early: /proc/stat on a large machine runs to tens of kilobytes
        try (BufferedReader reader = open(file, StandardCharsets.ISO_8859_1)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (wanted.test(line)) {
                    return line;
                }
            }
        }
        throw new IOException(file + " holds no line the agent can read");
    }

    /** Hands every line to {@code consumer}, bytes read as ISO-8859-1 so no byte sequence can fail the read. */
    static void forEachLine(Path file, LineConsumer consumer) throws IOException {
        forEachLine(file, StandardCharsets.ISO_8859_1, consumer);
    }

    /**
     * Hands every line to {@code consumer}. Undecodable bytes become U+FFFD instead of failing the whole read, which a
     * single oddly named device or mount point must not do.
     */
    static void forEachLine(Path file, Charset charset, LineConsumer consumer) throws IOException {
        try (BufferedReader reader = open(file, charset)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                consumer.accept(line);
            }
        }
    }

    /**
     * Splits on runs of blanks, ignoring leading and trailing ones. A hand-written scan rather than
     * {@code split("\\s+")}, which compiles a regular expression at every call and runs for every line of every tick.
     */
    static String[] fields(String line) {
        List<String> fields = new ArrayList<>(20);
        int length = line.length();
        int i = 0;
        while (i < length) {
            while (i < length && line.charAt(i) <= ' ') {
                i++;
            }
            int start = i;
            while (i < length && line.charAt(i) > ' ') {
                i++;
            }
            if (i > start) {
                fields.add(line.substring(start, i));
            }
        }
        return fields.toArray(new String[0]);
    }

    static long parseLong(String text, Path file) throws IOException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException(file + ": '" + text + "' is not a whole number");
        }
    }

    static double parseDouble(String text, Path file) throws IOException {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IOException(file + ": '" + text + "' is not a number");
        }
    }

    private static BufferedReader open(Path file, Charset charset) throws IOException {
        // an InputStreamReader replaces malformed input, where Files.newBufferedReader would throw on it
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset));
    }
}

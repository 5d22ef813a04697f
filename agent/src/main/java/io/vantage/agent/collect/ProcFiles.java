package io.vantage.agent.collect;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/** Small readers for /proc files, which the kernel renders afresh at every read and reports with size 0. */
final class ProcFiles {

    private ProcFiles() {
    }

    /**
     * The first line that {@code wanted} accepts.
     *
     * @throws IOException when the file cannot be read or holds no such line
     */
    static String firstLine(Path file, Predicate<String> wanted) throws IOException {
        // read line by line and stop early: /proc/stat on a large machine runs to tens of kilobytes
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (wanted.test(line)) {
                    return line;
                }
            }
        }
        throw new IOException(file + " holds no line the agent can read");
    }

    /** Splits on runs of blanks, ignoring leading ones. */
    static String[] fields(String line) {
        return line.trim().split("\\s+");
    }

    static long parseLong(String text, Path file) throws IOException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException(file + ": '" + text + "' is not a whole number");
        }
    }
}

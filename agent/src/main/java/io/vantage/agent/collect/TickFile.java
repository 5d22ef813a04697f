package io.vantage.agent.collect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The lines of one /proc file that several collectors use, read at most once per tick: /proc/stat feeds the CPU,
 * per-core CPU and process collectors, /proc/loadavg the load and process collectors. The agent hands every
 * collector of one tick the same timestamp, so the timestamp identifies the tick.
 */
final class TickFile {

    private final Path file;
    private final Predicate<String> wanted;
    private long readFor;
    private List<String> lines;

    /**
     * @param file   the file to read
     * @param wanted the lines to keep; the others (the long {@code intr} line of /proc/stat) are not held in memory
     */
    TickFile(Path file, Predicate<String> wanted) {
        this.file = file;
        this.wanted = wanted;
    }

    Path path() {
        return file;
    }

    /** The wanted lines as of the tick at {@code timestampMillis}, read now unless this tick has read them already. */
    List<String> lines(long timestampMillis) throws IOException {
        if (lines == null || readFor != timestampMillis) {
            lines = null; // a failed read must not leave an older tick's lines standing in for this one
            List<String> read = new ArrayList<>();
            ProcFiles.forEachLine(file, line -> {
                if (wanted.test(line)) {
                    read.add(line);
                }
            });
            lines = read;
            readFor = timestampMillis;
        }
        return lines;
    }
}

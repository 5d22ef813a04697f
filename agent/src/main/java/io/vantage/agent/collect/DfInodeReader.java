package io.vantage.agent.collect;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inode counts from {@code df -P -i}: the JDK's {@code FileStore} does not expose statfs's file counts, and
 * neither /proc nor /sys has them. df is run in the C locale, so its header and number format are the POSIX ones,
 * with the mount points to count as operands, so it asks statfs about those and nothing else (not a dead NFS mount
 * the agent does not ask about, not the dozens of pseudo filesystems), within {@link #TIMEOUT_MILLIS}.
 */
final class DfInodeReader implements Inodes.Reader {

    /**
     * Generous for a command that takes a few milliseconds, so a loaded machine still gets its counts; short enough
     * that a mount that hangs costs one tick at most this much.
     */
    static final long TIMEOUT_MILLIS = 2000;
    /** Found on the PATH; {@code --} so that no mount point can be taken for an option. */
    private static final List<String> DF = List.of("df", "-P", "-i", "--");
    /** The C locale: POSIX header, plain digits, untranslated messages. */
    private static final Map<String, String> C_LOCALE = Map.of("LC_ALL", "C");
    /** Marks a column that is not a count at all: the line was split at the wrong blank. */
    private static final long NOT_A_COUNT = -2;

    private final List<String> command;
    private final long timeoutMillis;

    DfInodeReader() {
        this(DF, TIMEOUT_MILLIS);
    }

    /** @param command the df command line before the mount points; another command in tests */
    DfInodeReader(List<String> command, long timeoutMillis) {
        this.command = List.copyOf(command);
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public Map<String, Inodes> read(List<String> mountPoints) throws IOException {
        if (mountPoints.isEmpty()) {
            return Map.of();
        }
        List<String> line = new ArrayList<>(command.size() + mountPoints.size());
        line.addAll(command);
        line.addAll(mountPoints);
        TimedCommand.Result result = TimedCommand.run(line, C_LOCALE, timeoutMillis);
        Map<String, Inodes> counts = parse(result.output(), mountPoints);
        if (result.exitCode() != 0 && counts.isEmpty()) {
            // df exits 1 when one operand fails but still prints the others, so only a df that gave nothing fails
            throw new IOException("df exited with status " + result.exitCode() + ": " + firstLine(result.output()));
        }
        return counts;
    }

    /**
     * Reads the lines of {@code df -P -i} output that belong to {@code mountPoints}: {@code Filesystem Inodes IUsed
     * IFree IUse% Mounted on}. Both the device and the mount point may hold blanks, so a line is recognised by the
     * mount point it ends with (the longest of those asked about, since {@code /data} may end {@code /srv/my /data})
     * with four number columns before it. GNU df shows each control character of a name as {@code ?}; a line
     * that carries {@code -} for a count, or a total of 0, is a filesystem without a fixed number of inodes and is
     * left out. A line that holds only a device name and no numbers, followed by one that starts with a blank, is
     * how df without {@code -P} (and busybox's) wraps a long device name: the two are read as one.
     */
    static Map<String, Inodes> parse(String output, List<String> mountPoints) {
        Map<String, String> byShown = new HashMap<>();
        for (String mountPoint : mountPoints) {
            byShown.put(shown(mountPoint), mountPoint);
        }
        Map<String, Inodes> counts = new LinkedHashMap<>();
        String pending = null;
        for (String line : output.split("\n", -1)) {
            if (pending != null && !line.isEmpty() && line.charAt(0) == ' ') {
                line = pending + line; // the continuation of a wrapped device name
            }
            pending = null;
            if (!read(line, byShown, counts) && !line.isBlank() && line.indexOf(' ') < 0) {
                pending = line;
            }
        }
        return counts;
    }

    /** Reads one line into {@code counts}; returns whether it was a line for one of the mount points. */
    private static boolean read(String line, Map<String, String> byShown, Map<String, Inodes> counts) {
        for (int blank = line.indexOf(' '); blank >= 0; blank = line.indexOf(' ', blank + 1)) {
            String mountPoint = byShown.get(line.substring(blank + 1));
            if (mountPoint == null) {
                continue;
            }
            String[] fields = ProcFiles.fields(line.substring(0, blank));
            if (fields.length < 5 || !isPercent(fields[fields.length - 1])) {
                continue;
            }
            long total = count(fields[fields.length - 4]);
            long used = count(fields[fields.length - 3]);
            long free = count(fields[fields.length - 2]);
            if (total == NOT_A_COUNT || used == NOT_A_COUNT || free == NOT_A_COUNT) {
                continue; // not this split; another mount point may still match
            }
            if (total > 0 && used >= 0 && free >= 0) {
                counts.put(mountPoint, new Inodes(total, used, free));
            }
            return true;
        }
        return false;
    }

    /** A count, -1 for df's {@code -} (unknown), {@link #NOT_A_COUNT} for anything else. */
    private static long count(String field) {
        if (field.equals("-")) {
            return -1;
        }
        for (int i = 0; i < field.length(); i++) {
            if (field.charAt(i) < '0' || field.charAt(i) > '9') {
                return NOT_A_COUNT;
            }
        }
        try {
            return Long.parseLong(field);
        } catch (NumberFormatException e) {
            return NOT_A_COUNT; // beyond 2^63: no filesystem has that many inodes
        }
    }

    private static boolean isPercent(String field) {
        return field.equals("-") || (field.length() > 1 && field.endsWith("%")
                && count(field.substring(0, field.length() - 1)) >= 0);
    }

    /** How GNU df in the C locale prints a name: each control character as {@code ?}. */
    static String shown(String name) {
        StringBuilder shown = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < ' ' || c == 0x7f) {
                if (shown == null) {
                    shown = new StringBuilder(name);
                }
                shown.setCharAt(i, '?');
            }
        }
        return shown == null ? name : shown.toString();
    }

    private static String firstLine(String output) {
        String trimmed = output.strip();
        int newline = trimmed.indexOf('\n');
        return trimmed.isEmpty() ? "no output" : newline < 0 ? trimmed : trimmed.substring(0, newline);
    }
}

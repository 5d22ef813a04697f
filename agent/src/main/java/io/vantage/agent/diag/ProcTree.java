package io.vantage.agent.diag;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-process files of /proc: {@code stat} for every process, {@code status} and {@code cmdline} for the few a
 * listing shows. Processes come and go while they are read; one that is gone by the time its file is read is simply
 * left out.
 */
final class ProcTree {

    /** cmdline can run to megabytes (Java class paths); far more than a listed command keeps is never read. */
    private static final int MAX_CMDLINE_READ = 4096;

    private final Path root;

    /** @param root the /proc directory */
    ProcTree(Path root) {
        this.root = root;
    }

    /** Whether this system has a /proc to list processes from. */
    boolean exists() {
        return Files.isRegularFile(root.resolve("self/stat")) || Files.isDirectory(root.resolve("1"));
    }

    /** The stat of every process that is still there when its file is read. */
    List<ProcessStat> stats() throws IOException {
        // File.list gives bare names: no Path object per entry, which adds up on a machine running thousands
        String[] entries = root.toFile().list();
        if (entries == null) {
            throw new IOException(root + " cannot be listed");
        }
        List<ProcessStat> stats = new ArrayList<>(entries.length);
        for (String entry : entries) {
            long pid = pidOf(entry);
            if (pid > 0) {
                String line = read(root.resolve(entry).resolve("stat"), 1024);
                if (line != null) {
                    stats.add(ProcessStat.parse(pid, line));
                }
            }
        }
        return stats;
    }

    /** The effective uid and resident bytes of a process, or {@code null} when it is gone. */
    ProcessStatus status(long pid) throws IOException {
        String text = read(root.resolve(Long.toString(pid)).resolve("status"), 8192);
        return text == null ? null : ProcessStatus.parse(pid, text);
    }

    /**
     * The command line with its NUL separators as spaces and what looks like a secret hidden (see
     * {@link SecretArguments}), or {@code [name]} when it is empty (a kernel thread, a zombie) or the process is gone.
     */
    String commandLine(long pid, String name) throws IOException {
        String text = read(root.resolve(Long.toString(pid)).resolve("cmdline"), MAX_CMDLINE_READ);
        String command = text == null ? "" : String.join(" ", SecretArguments.hide(text.split("\0"))).strip();
        return command.isEmpty() ? "[" + name + "]" : command;
    }

    /** The first {@code limit} bytes of a file as UTF-8 (bad bytes replaced), or {@code null} when it is gone. */
    private static String read(Path file, int limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(limit), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            // a process that exits while being read makes the read fail with ESRCH
            if (Files.exists(file)) {
                throw e;
            }
            return null;
        }
    }

    private static long pidOf(String entry) {
        if (entry.isEmpty() || entry.length() > 10) {
            return -1;
        }
        for (int i = 0; i < entry.length(); i++) {
            if (entry.charAt(i) < '0' || entry.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(entry);
    }
}

package io.vantage.agent.diag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A /proc tree and an /etc/passwd in a temporary directory, written the way the kernel writes them, with a monotonic
 * clock the test moves: enough of a machine for the process lister to list.
 */
final class FakeProc {

    final Path root;
    final Path passwd;
    long nanos = 1_000_000_000L;

    FakeProc(Path dir) throws IOException {
        this.root = Files.createDirectories(dir.resolve("proc"));
        this.passwd = dir.resolve("passwd");
        Files.createDirectories(root.resolve("self"));
        Files.writeString(root.resolve("self/stat"), "1 (init) S 0");
        Files.writeString(passwd, "root:x:0:0:root:/root:/bin/bash\n"
                + "www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\n"
                + "# a comment:x:5:5\n"
                + "broken-line\n"
                + "alice:x:1000:1000:Alice,,,:/home/alice:/bin/bash\n");
    }

    /** A user-space process. */
    FakeProc process(long pid, String name, long cpuTicks, long startTicks, long rssKb, long uid, String... argv) {
        StringBuilder cmdline = new StringBuilder();
        for (String arg : argv) {
            cmdline.append(arg).append('\0');
        }
        return write(pid, name, cpuTicks, startTicks, rssKb, uid, cmdline.toString(), true);
    }

    /** A kernel thread: no command line, no resident memory. */
    FakeProc kernelThread(long pid, String name, long cpuTicks) {
        return write(pid, name, cpuTicks, 2, 0, 0, "", false);
    }

    /** The process's CPU time goes up to {@code cpuTicks}; everything else stays. */
    FakeProc ticks(long pid, long cpuTicks) {
        try {
            Path stat = root.resolve(pid + "/stat");
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            fields[11] = Long.toString(cpuTicks / 2);
            fields[12] = Long.toString(cpuTicks - cpuTicks / 2);
            Files.writeString(stat, line.substring(0, line.lastIndexOf(')') + 2) + String.join(" ", fields));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The process exits: its directory goes. */
    FakeProc exit(long pid) {
        try (Stream<Path> files = Files.walk(root.resolve(Long.toString(pid)))) {
            for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(file);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FakeProc write(long pid, String name, long cpuTicks, long startTicks, long rssKb, long uid,
                           String cmdline, boolean userSpace) {
        try {
            Path dir = Files.createDirectories(root.resolve(Long.toString(pid)));
            long utime = cpuTicks / 2;
            long stime = cpuTicks - utime;
            // fields 3 to 52 of proc(5): state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime
            // stime cutime cstime priority nice threads itrealvalue starttime vsize rss ...
            String stat = pid + " (" + name + ") S 1 " + pid + " " + pid + " 0 -1 4194560 100 0 0 0 " + utime + " "
                    + stime + " 0 0 20 0 1 0 " + startTicks + " 123456789 " + rssKb / 4
                    + " 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 0";
            Files.writeString(dir.resolve("stat"), stat + "\n");
            Files.writeString(dir.resolve("status"), "Name:\t" + name + "\nState:\tS (sleeping)\nPid:\t" + pid
                    + "\nUid:\t" + (uid + 1) + "\t" + uid + "\t" + uid + "\t" + uid + "\n"
                    + (userSpace ? "VmRSS:\t" + rssKb + " kB\n" : "") + "Threads:\t1\n");
            Files.write(dir.resolve("cmdline"), cmdline.getBytes(StandardCharsets.UTF_8));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A lister over this tree whose waits move the clock and then run {@code duringWait} (processes working). */
    ProcessLister lister(Runnable duringWait) {
        return new ProcessLister(new ProcTree(root), new UserNames(passwd), () -> nanos, () -> 1_767_225_600_000L,
                waited -> {
                    nanos += waited;
                    duringWait.run();
                });
    }
}

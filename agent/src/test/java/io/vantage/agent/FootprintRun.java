package io.vantage.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Measures the agent's footprint the way it runs in production: starts the shaded jar with the command line and
 * environment of {@code src/main/dist/vantage-agent.service} (its {@code ExecStart=} and {@code Environment=}
 * lines, with the install paths moved into a scratch directory) against an in-process {@link FakeServer} that
 * welcomes it and acknowledges every batch, then reads the agent's {@code /proc/<pid>/status} and
 * {@code /proc/<pid>/stat} once a minute and prints RSS and CPU per minute and their medians, and at the end each
 * thread's CPU per minute from {@code /proc/<pid>/task/<tid>/schedstat}.
 *
 * <p>Not a test: a tool run by hand after {@code ./mvnw -o -q -pl agent -am package -DskipTests}, from the
 * repository root:
 * <pre>
 * java -cp agent/target/test-classes:agent/target/classes:protocol/target/classes io.vantage.agent.FootprintRun \
 *      [--minutes 10] [--server fake|dead] [--unit agent/src/main/dist/vantage-agent.service] \
 *      [--jar agent/target/vantage-agent.jar] [--checks-dir DIR] [--jvm-flag FLAG]... [--env NAME=VALUE]... \
 *      [--cds-classlist FILE] [--training-flag FLAG [--training-seconds 60]]
 * </pre>
 * {@code --server dead} points the agent at a loopback port where nothing listens, so it spools and retries
 * instead of sending. {@code --jvm-flag} adds a flag before {@code -jar}, and {@code --env} a variable to the
 * environment, to try one before putting it in the unit.
 * {@code --cds-classlist} makes {@code /opt/vantage/vantage-agent.jsa}, a class data archive of the classes listed
 * (by {@code -XX:DumpLoadedClassList}), for a unit or a {@code --jvm-flag} that uses it. {@code --training-flag}
 * first runs the agent with that flag added for {@code --training-seconds} and stops it, for example to make a
 * dynamic archive with {@code -XX:ArchiveClassesAtExit=/opt/vantage/vantage-agent.jsa}.
 * The first minute (start-up, class loading, most JIT compilation) is printed but left out of the medians.
 */
public final class FootprintRun {

    private static final long CLOCK_TICK_MILLIS = 10; // USER_HZ is 100 on every Linux architecture the agent runs on
    /** The name of each thread seen, by thread id. */
    private static final Map<String, String> THREAD_NAMES = new HashMap<>();

    private FootprintRun() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--minutes", "10", "--server", "fake",
                "--unit", "agent/src/main/dist/vantage-agent.service", "--jar", "agent/target/vantage-agent.jar"));
        List<String> extraFlags = new ArrayList<>();
        Map<String, String> extraEnvironment = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--jvm-flag")) {
                extraFlags.add(args[i + 1]);
            } else if (args[i].equals("--env")) {
                int equals = args[i + 1].indexOf('=');
                extraEnvironment.put(args[i + 1].substring(0, equals), args[i + 1].substring(equals + 1));
            } else {
                options.put(args[i], args[i + 1]);
            }
        }
        int minutes = Integer.parseInt(options.get("--minutes"));
        Path scratch = Files.createTempDirectory("vantage-footprint");
        Path install = Files.createDirectories(scratch.resolve("opt"));
        Path etc = Files.createDirectories(scratch.resolve("etc"));
        Path state = Files.createDirectories(scratch.resolve("state"));
        Files.copy(Path.of(options.get("--jar")), install.resolve("vantage-agent.jar"));
        if (options.containsKey("--cds-classlist")) {
            // a class data archive of the installed jar, made where it is installed (it records the jar's path)
            Path jar = install.resolve("vantage-agent.jar");
            Process dump = new ProcessBuilder("java", "-Xshare:dump", "-XX:SharedClassListFile="
                    + Path.of(options.get("--cds-classlist")).toAbsolutePath(), "-XX:SharedArchiveFile="
                    + install.resolve("vantage-agent.jsa"), "-cp", jar.toString())
                    .redirectErrorStream(true).redirectOutput(scratch.resolve("cds-dump.log").toFile()).start();
            if (dump.waitFor() != 0) {
                throw new IOException("no class data archive; see " + scratch.resolve("cds-dump.log"));
            }
        }

        try (FakeServer server = new FakeServer()) {
            int port = server.address().port();
            if (options.get("--server").equals("dead")) {
                server.close(); // the port is free again and nothing listens on it
            }
            StringBuilder config = new StringBuilder()
                    .append("server=127.0.0.1:").append(port).append('\n')
                    .append("interval-seconds=10\n")
                    .append("spool-dir=/var/lib/vantage-agent/spool\n");
            if (options.containsKey("--checks-dir")) {
                config.append("checks-dir=").append(Path.of(options.get("--checks-dir")).toAbsolutePath())
                        .append('\n');
            }
            Files.writeString(etc.resolve("agent.properties"), relocate(config.toString(), install, etc, state));

            Unit unit = Unit.read(Path.of(options.get("--unit")));
            List<String> command = new ArrayList<>();
            for (String word : unit.execStart) {
                if (word.equals("-jar")) {
                    for (String flag : extraFlags) {
                        command.add(relocate(flag, install, etc, state));
                    }
                }
                command.add(relocate(word, install, etc, state));
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(scratch.resolve("agent.log").toFile());
            builder.environment().putAll(unit.environment);
            builder.environment().putAll(extraEnvironment);
            builder.environment().put("VANTAGE_AGENT_ID", "footprint");
            builder.environment().put("VANTAGE_AGENT_KEY", "footprint-key");
            System.out.println("command: " + String.join(" ", command));
            System.out.println("environment: " + unit.environment + " " + extraEnvironment + "; log: "
                    + scratch.resolve("agent.log"));
            if (options.containsKey("--training-flag")) {
                // a first run that only prepares the measured one, as an install step would
                List<String> training = new ArrayList<>(command);
                training.removeIf(word -> word.startsWith("-XX:SharedArchiveFile=")); // the archive it is to make
                training.add(training.indexOf("-jar"), relocate(options.get("--training-flag"), install, etc, state));
                builder.command(training).redirectOutput(scratch.resolve("training.log").toFile());
                Process run = builder.start();
                Thread.sleep(TimeUnit.SECONDS.toMillis(Long.parseLong(options.getOrDefault("--training-seconds",
                        "60"))));
                run.destroy(); // SIGTERM: the JVM exits as systemd would stop it, running what it does at exit
                run.waitFor();
                builder.command(command).redirectOutput(scratch.resolve("agent.log").toFile());
            }
            Process agent = builder.start();
            long pid = agent.pid();
            try {
                measure(pid, minutes, server);
            } finally {
                agent.destroy();
                agent.waitFor(10, TimeUnit.SECONDS);
                agent.destroyForcibly();
            }
        }
    }

    private static void measure(long pid, int minutes, FakeServer server) throws Exception {
        Path proc = Path.of("/proc", Long.toString(pid));
        long start = System.nanoTime();
        long previousTicks = 0;
        long previousChildTicks = 0;
        Map<String, long[]> threadsAfterFirstMinute = Map.of();
        List<Long> cpuMillis = new ArrayList<>();
        List<Long> rssKb = new ArrayList<>();
        System.out.println("minute  cpu_ms  children_cpu_ms  rss_kb  anon_kb  file_kb  threads  batches_acked");
        for (int minute = 1; minute <= minutes; minute++) {
            long due = start + TimeUnit.MINUTES.toNanos(minute);
            while (System.nanoTime() - due < 0) {
                Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(due - System.nanoTime())));
            }
            long[] ticks = cpuTicks(proc);
            Map<String, Long> status = status(proc);
            long cpu = (ticks[0] - previousTicks) * CLOCK_TICK_MILLIS;
            long childCpu = (ticks[1] - previousChildTicks) * CLOCK_TICK_MILLIS;
            previousTicks = ticks[0];
            previousChildTicks = ticks[1];
            System.out.printf("%6d  %6d  %15d  %6d  %7d  %7d  %7d  %13d%n", minute, cpu, childCpu, status.get("VmRSS"),
                    status.get("RssAnon"), status.get("RssFile"), status.get("Threads"),
                    server.acknowledged().size());
            if (minute > 1) {
                cpuMillis.add(cpu);
                rssKb.add(status.get("VmRSS"));
            }
            if (minute == 1) {
                threadsAfterFirstMinute = threadNanos(proc);
            }
        }
        if (!cpuMillis.isEmpty()) {
            System.out.printf("median of minutes 2-%d: %d ms CPU per minute, %.1f MB RSS (max %.1f MB)%n", minutes,
                    median(cpuMillis), median(rssKb) / 1024.0,
                    rssKb.stream().mapToLong(Long::longValue).max().orElse(0) / 1024.0);
            printThreads(threadsAfterFirstMinute, threadNanos(proc), minutes - 1);
        }
    }

    /**
     * CPU per minute of each thread alive at both readings, from /proc/pid/task/tid/schedstat (nanoseconds on the
     * CPU, exact where utime and stime are sampled at clock ticks); threads of the same name are added up.
     */
    private static void printThreads(Map<String, long[]> before, Map<String, long[]> after, int minutes) {
        Map<String, Double> byName = new TreeMap<>();
        after.forEach((tid, now) -> {
            long[] then = before.get(tid);
            if (then != null) {
                byName.merge(THREAD_NAMES.getOrDefault(tid, "?"), (now[0] - then[0]) / 1e6 / minutes, Double::sum);
            }
        });
        StringBuilder line = new StringBuilder("CPU ms per minute by thread (schedstat, minutes 2-" + (minutes + 1)
                + "):");
        byName.forEach((name, millis) -> line.append(String.format(" %s=%.1f", name, millis)));
        System.out.println(line);
    }

    /** Nanoseconds on the CPU of each live thread, by thread id. */
    private static Map<String, long[]> threadNanos(Path proc) throws IOException {
        Map<String, long[]> nanos = new HashMap<>();
        try (var tasks = Files.list(proc.resolve("task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String tid = task.getFileName().toString();
                    THREAD_NAMES.put(tid, Files.readString(task.resolve("comm")).trim());
                    String schedstat = Files.readString(task.resolve("schedstat"));
                    nanos.put(tid, new long[] {Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')))});
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return nanos;
    }

    /**
     * In clock ticks: utime + stime of every thread of the agent, live or ended (fields 14 and 15 of
     * /proc/pid/stat), and cutime + cstime, what the processes it started and waited for used (fields 16 and 17).
     */
    private static long[] cpuTicks(Path proc) throws IOException {
        String stat = Files.readString(proc.resolve("stat"));
        // the command name may hold blanks and parentheses; the fields after the last ')' are plain
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return new long[] {Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
                Long.parseLong(fields[13]) + Long.parseLong(fields[14])};
    }

    private static Map<String, Long> status(Path proc) throws IOException {
        Map<String, Long> values = new HashMap<>();
        for (String line : Files.readAllLines(proc.resolve("status"), StandardCharsets.ISO_8859_1)) {
            int colon = line.indexOf(':');
            String[] value = line.substring(colon + 1).trim().split("\\s+");
            if (colon > 0 && value.length > 0 && value[0].matches("\\d+")) {
                values.put(line.substring(0, colon), Long.parseLong(value[0]));
            }
        }
        return values;
    }

    private static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** Moves the unit's install paths into the scratch directory. */
    private static String relocate(String text, Path install, Path etc, Path state) {
        return text.replace("/opt/vantage", install.toString())
                .replace("/etc/vantage", etc.toString())
                .replace("/var/lib/vantage-agent", state.toString());
    }

    /** The command line and environment of a systemd unit file, continuation lines joined. */
    private record Unit(List<String> execStart, Map<String, String> environment) {

        static Unit read(Path file) throws IOException {
            List<String> logical = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : Files.readAllLines(file)) {
                if (current.length() == 0 && line.startsWith("#")) {
                    continue;
                }
                if (line.endsWith("\\")) {
                    current.append(line, 0, line.length() - 1).append(' ');
                } else {
                    logical.add(current.append(line).toString());
                    current.setLength(0);
                }
            }
            List<String> execStart = null;
            Map<String, String> environment = new HashMap<>();
            for (String line : logical) {
                if (line.startsWith("ExecStart=")) {
                    execStart = Arrays.asList(line.substring("ExecStart=".length()).trim().split("\\s+"));
                } else if (line.startsWith("Environment=")) {
                    for (String pair : line.substring("Environment=".length()).trim().split("\\s+")) {
                        int equals = pair.indexOf('=');
                        environment.put(pair.substring(0, equals), pair.substring(equals + 1));
                    }
                }
            }
            if (execStart == null) {
                throw new IOException(file + " has no ExecStart= line");
            }
            return new Unit(execStart, environment);
        }
    }
}

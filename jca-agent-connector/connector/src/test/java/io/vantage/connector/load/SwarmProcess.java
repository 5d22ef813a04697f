package io.vantage.connector.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test's handle on an {@link AgentSwarm} running in a JVM of its own: forks it with the test's class path,
 * sends it commands, waits for its reports and keeps everything it printed, so that a failing test can show the
 * swarm's whole story. {@link #close()} always ends the process.
 */
public final class SwarmProcess implements AutoCloseable {

    private static final Pattern FIELD = Pattern.compile("(\\w+)=(\\S*)");
    private static final Duration QUIT_WAIT = Duration.ofSeconds(10);

    private final Process process;
    private final Thread reader;
    private final Writer commands;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer transcript = new StringBuffer();

    private SwarmProcess(Process process) {
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.reader = new Thread(this::readOutput, "swarm-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts the swarm; its agents begin connecting at once.
     *
     * @param maxPendingConnects connects left unanswered at once (see {@link AgentSwarm})
     */
    public static SwarmProcess start(InetSocketAddress server, int agents, int batches, int maxPendingConnects)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // a small heap and the serial collector: one selector thread needs no more, and the server's JVM shares
        // the two cores with it
        List<String> command = List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), AgentSwarm.class.getName(),
                server.getAddress().getHostAddress(), String.valueOf(server.getPort()), String.valueOf(agents),
                String.valueOf(batches), String.valueOf(maxPendingConnects));
        return new SwarmProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Sends a command line (see {@link AgentSwarm}). */
    public void command(String line) throws IOException {
        commands.write(line + "\n");
        commands.flush();
    }

    /**
     * Waits for the next report with this keyword, skipping others.
     *
     * @return the report's {@code key=value} fields
     * @throws AssertionError with the swarm's output when it fails, exits, or does not report in time
     */
    public Map<String, String> await(String keyword, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line;
            try {
                line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + keyword + "\n" + transcript());
            }
            if (line == null) {
                throw new AssertionError("no " + keyword + " from the swarm within " + timeout
                        + (process.isAlive() ? "" : "; it exited with status " + process.exitValue())
                        + "\n" + transcript());
            }
            if (line.startsWith("FAILED")) {
                throw new AssertionError("the swarm failed while the test waited for " + keyword + "\n"
                        + awaitExitAndTranscript());
            }
            if (line.startsWith(keyword + " ")) {
                return fields(line);
            }
        }
    }

    /** Everything the swarm printed so far. */
    public String transcript() {
        return "--- swarm output ---\n" + transcript + "--- end of swarm output ---";
    }

    /** Asks the swarm to quit, and kills it if it has not within a few seconds. */
    @Override
    public void close() {
        try {
            command("QUIT");
            process.waitFor(QUIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            // its input is closed already: it is gone or going, and killed below if not
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    /** A failing swarm prints its failures after the FAILED line, then exits: give it a moment to. */
    private String awaitExitAndTranscript() {
        try {
            process.waitFor(5, TimeUnit.SECONDS);
            reader.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return transcript();
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                transcript.append(line).append('\n');
                lines.add(line);
            }
        } catch (IOException e) {
            transcript.append("(reading the swarm's output failed: ").append(e).append(")\n");
        }
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> fields = new HashMap<>();
        Matcher matcher = FIELD.matcher(line);
        while (matcher.find()) {
            fields.put(matcher.group(1), matcher.group(2));
        }
        return fields;
    }
}

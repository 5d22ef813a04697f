package io.vantage.agent.check;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Runs one check's command, without a shell, and turns its exit code and output into a {@link CheckResult}. A run
 * that outlasts its timeout is killed with all its descendants. Standard error is merged into the output, as Icinga
 * does, so a script's error message becomes the status text rather than vanishing.
 *
 * <p>The output is read by polling rather than by a blocking read: a grandchild that inherited the pipe and lives
 * on would otherwise keep the read, and this pool thread, waiting long after the timeout.
 */
public final class CheckRunner {

    /** The Nagios plugin API's own limit on output a plugin may expect to be read. */
    public static final int MAX_OUTPUT = 64 * 1024;
    private static final long POLL_MILLIS = 10;

    private final LongSupplier wallClock;

    public CheckRunner(LongSupplier wallClockMillis) {
        this.wallClock = wallClockMillis;
    }

    /** Runs {@code definition} on the calling thread; never throws. */
    public CheckResult run(CheckDefinition definition) {
        long start = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(definition.command()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException | RuntimeException e) {
            return failed(start, "cannot run " + definition.command().get(0) + ": " + reason(e));
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        long deadline = start + definition.timeout().toNanos();
        try (InputStream in = process.getInputStream()) {
            byte[] buffer = new byte[8192];
            while (true) {
                boolean exited = !process.isAlive();
                // drain what is there; past the limit keep reading and dropping, so the plugin never blocks on a full pipe
                for (int n = in.available(); n > 0; n = in.available()) {
                    int read = in.read(buffer, 0, Math.min(n, buffer.length));
                    output.write(buffer, 0, Math.max(0, Math.min(read, MAX_OUTPUT - output.size())));
                }
                if (exited) {
                    break;
                }
                if (System.nanoTime() - deadline >= 0) {
                    killTree(process);
                    return failed(start, "timed out after " + definition.timeout().toSeconds() + " s");
                }
                process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (IOException e) {
            killTree(process);
            return failed(start, "cannot read the output: " + e.getMessage());
        } catch (InterruptedException e) {
            killTree(process); // the agent is stopping: leave no check behind
            Thread.currentThread().interrupt();
            return failed(start, "interrupted: the agent is stopping");
        }
        int exitCode = process.exitValue();
        PluginOutput parsed = PluginOutput.parse(text(output.toByteArray(), output.size() >= MAX_OUTPUT));
        CheckStatus status = CheckStatus.ofExitCode(exitCode);
        String statusText = exitCode >= 0 && exitCode <= 3 ? parsed.text()
                : "exit code " + exitCode + ": " + parsed.text();
        return new CheckResult(status, statusText, parsed.perfData(), seconds(start), wallClock.getAsLong());
    }

    /** Output that hit the limit loses its last, possibly cut, line: a cut number would be read as a wrong one. */
    private static String text(byte[] bytes, boolean truncated) {
        int length = bytes.length;
        if (truncated) {
            while (length > 0 && bytes[length - 1] != '\n') {
                length--;
            }
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private static void killTree(Process process) {
        // the descendants are listed first: once the parent dies they are re-parented and no longer found
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    private CheckResult failed(long start, String text) {
        return new CheckResult(CheckStatus.UNKNOWN, text, List.of(), seconds(start), wallClock.getAsLong());
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** "No such file or directory" rather than the JDK's "Cannot run program "x": error=2, No such file …". */
    private static String reason(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = String.valueOf(cause.getMessage());
        return message.replaceFirst("^error=\\d+, ", "");
    }
}

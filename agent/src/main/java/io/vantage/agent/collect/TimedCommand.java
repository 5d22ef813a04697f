package io.vantage.agent.collect;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short command, without a shell, with a time limit, and returns its exit code and output (standard error
 * merged in). A command that outlasts the limit is killed with everything it started, and the caller is not held up
 * any longer: a {@code df} stuck on a dead file server must cost one tick a bounded wait, not the agent its
 * collecting thread, as {@link TimedSpaceReader} bounds statfs.
 *
 * <p>The output is read by polling rather than by a blocking read, so that nothing can keep the caller waiting
 * past the limit, not even a grandchild that inherited the pipe.
 */
final class TimedCommand {

    /** Enough for the output of any df the agent runs; the rest is read and dropped so the command never blocks. */
    static final int MAX_OUTPUT = 1024 * 1024;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final File DEV_NULL = new File("/dev/null");

    /**
     * What a command printed and how it ended.
     *
     * @param exitCode its exit status
     * @param output   standard output and standard error, decoded as UTF-8
     */
    record Result(int exitCode, String output) {
    }

    private TimedCommand() {
    }

    /**
     * Runs {@code command} with {@code environment} added to the agent's own.
     *
     * @throws IOException when it cannot be started, its output cannot be read, or it did not finish in time
     */
    static Result run(List<String> command, Map<String, String> environment, long timeoutMillis) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL));
        builder.environment().putAll(environment);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        Process process = builder.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream(1024);
        try (InputStream in = process.getInputStream()) {
            byte[] buffer = new byte[4096];
            while (true) {
                boolean exited = !process.isAlive();
                for (int n = in.available(); n > 0; n = in.available()) {
                    int read = in.read(buffer, 0, Math.min(n, buffer.length));
                    if (read < 0) {
                        break;
                    }
                    output.write(buffer, 0, Math.max(0, Math.min(read, MAX_OUTPUT - output.size())));
                }
                if (exited) {
                    break;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    killTree(process);
                    throw new IOException(command.get(0) + " did not finish within " + timeoutMillis
                            + " ms and was killed");
                }
                // returns as soon as the command exits, so a quick one costs no extra wait
                process.waitFor(Math.min(remaining, POLL_NANOS), TimeUnit.NANOSECONDS);
            }
        } catch (IOException e) {
            killTree(process);
            throw e;
        } catch (InterruptedException e) {
            killTree(process); // the agent is stopping: leave nothing behind
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + command.get(0) + " ran");
        }
        return new Result(process.exitValue(), output.toString(StandardCharsets.UTF_8));
    }

    private static void killTree(Process process) {
        // the descendants are listed first: once the parent dies they are re-parented and no longer found
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }
}

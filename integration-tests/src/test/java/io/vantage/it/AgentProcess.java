package io.vantage.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real agent, run from the built jar as an operator would run it, reporting this machine. */
final class AgentProcess implements AutoCloseable {

    private final Process process;

    private AgentProcess(Process process) {
        this.process = process;
    }

    /**
     * @param more further flags and their values, for example {@code --checks-dir DIR}
     */
    static AgentProcess start(String agentId, String key, String hostname, int port, int intervalSeconds, Path log,
                              String... more) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(),
                "-Xmx32m", "-jar", System.getProperty("vantage.agent.jar"),
                "--server", "127.0.0.1:" + port,
                "--agent-id", agentId,
                "--agent-key", key,
                "--hostname", hostname,
                "--interval-seconds", Integer.toString(intervalSeconds)));
        command.addAll(List.of(more));
        try {
            return new AgentProcess(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}

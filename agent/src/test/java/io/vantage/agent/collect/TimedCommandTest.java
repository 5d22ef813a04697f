package io.vantage.agent.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TimedCommandTest {

    @Test
    void a_quick_command_gives_its_exit_code_and_its_output_with_standard_error_merged() throws IOException {
        TimedCommand.Result result = TimedCommand.run(List.of("sh", "-c", "echo out; echo err >&2; exit 3"),
                Map.of(), 5_000);

        assertEquals(3, result.exitCode());
        assertEquals("out\nerr\n", result.output());
    }

    @Test
    void the_extra_environment_is_given_to_the_command() throws IOException {
        assertEquals("C\n", TimedCommand.run(List.of("sh", "-c", "echo \"$LC_ALL\""), Map.of("LC_ALL", "C"), 5_000)
                .output());
    }

    @Test
    void output_larger_than_a_pipe_holds_is_read_while_the_command_runs() throws IOException {
        TimedCommand.Result result = TimedCommand.run(List.of("head", "-c", "300000", "/dev/zero"), Map.of(), 5_000);

        assertEquals(0, result.exitCode());
        assertEquals(300_000, result.output().length());
    }

    @Test
    void a_command_that_overruns_is_killed_with_what_it_started_and_the_caller_goes_on() throws Exception {
        long start = System.nanoTime();

        IOException error = assertThrows(IOException.class,
                () -> TimedCommand.run(List.of("sh", "-c", "sleep 41; echo never"), Map.of(), 200));

        assertTrue(error.getMessage().contains("sh did not finish within 200 ms and was killed"), error.getMessage());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3), "the caller was held up");
        assertNoChildLeft("sleep", "41");
    }

    @Test
    void a_command_that_cannot_be_started_fails() {
        assertThrows(IOException.class, () -> TimedCommand.run(List.of("/no/such/command"), Map.of(), 1_000));
    }

    /**
     * Fails unless, within a few seconds, no live descendant of this JVM runs {@code program} with the one argument
     * {@code argument} (distinct per test, as test classes run in parallel).
     */
    static void assertNoChildLeft(String program, String argument) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (ProcessHandle.current().descendants().anyMatch(child -> runs(child, program, argument))) {
            assertTrue(System.nanoTime() < deadline, program + " " + argument + " is still running");
            Thread.sleep(20);
        }
    }

    private static boolean runs(ProcessHandle process, String program, String argument) {
        ProcessHandle.Info info = process.info();
        return process.isAlive() && info.command().map(command -> command.endsWith("/" + program)).orElse(false)
                && info.arguments().map(arguments -> List.of(arguments).equals(List.of(argument))).orElse(false);
    }
}

package io.vantage.it;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Polls for a condition with a deadline: the tests wait for outcomes, never for fixed times. */
final class Waits {

    private static final Duration POLL = Duration.ofMillis(200);

    private Waits() {
    }

    /** The first non-empty answer of {@code probe} within the timeout, or empty. */
    static <T> Optional<T> until(Duration timeout, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            Optional<T> answer = probe.get();
            if (answer.isPresent()) {
                return answer;
            }
            pause(POLL);
        } while (System.nanoTime() < deadline);
        return Optional.empty();
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

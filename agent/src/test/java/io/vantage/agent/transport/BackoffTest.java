package io.vantage.agent.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void delays_double_from_one_second_up_to_a_minute() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.999_999);

        long[] expected = {1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000};
        for (long nominal : expected) {
            assertEquals(nominal - 1, backoff.nextDelayMillis(), 1);
        }
    }

    @Test
    void jitter_keeps_each_delay_between_half_and_all_of_its_nominal_value() {
        Backoff low = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.0);

        assertEquals(500, low.nextDelayMillis());
        assertEquals(1000, low.nextDelayMillis());
        assertEquals(2000, low.nextDelayMillis());
    }

    @Test
    void reset_starts_again_from_the_initial_delay() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.0);
        backoff.nextDelayMillis();
        backoff.nextDelayMillis();

        backoff.reset();

        assertEquals(500, backoff.nextDelayMillis());
    }
}

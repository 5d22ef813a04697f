package io.vantage.connector.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LogThrottleTest {

    @Test
    void the_first_occurrence_is_logged_and_the_rest_of_the_interval_is_counted_then_reported() {
        LogThrottle throttle = new LogThrottle(Duration.ofHours(1));
        assertEquals(0, throttle.permit());
        assertEquals(-1, throttle.permit());
        assertEquals(-1, throttle.permit());

        LogThrottle open = new LogThrottle(Duration.ZERO);
        assertEquals(0, open.permit());
        assertEquals(0, open.permit());
    }
}

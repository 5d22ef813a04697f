package io.vantage.infrastructure.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailureStreakTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final FailureStreak streak = new FailureStreak(Duration.ofSeconds(60), now::get);

    @Test
    void theFirstFailureOfAStreakIsReportedAndTheNextOnesAreCountedQuietly() {
        assertEquals(new FailureStreak.Streak(1, Duration.ZERO), streak.failed());
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertNull(streak.failed());
        assertNull(streak.failed());
    }

    @Test
    void aStreakThatGoesOnIsRemindedOfOncePerInterval() {
        streak.failed();
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertNull(streak.failed());
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertEquals(new FailureStreak.Streak(3, Duration.ofSeconds(60)), streak.failed());
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertNull(streak.failed());
    }

    @Test
    void theFirstSuccessAfterFailuresReportsTheEndedStreakOnce() {
        streak.failed();
        streak.failed();
        now.addAndGet(Duration.ofSeconds(15).toNanos());
        assertEquals(new FailureStreak.Streak(2, Duration.ofSeconds(15)), streak.succeeded());
        assertNull(streak.succeeded());
    }

    @Test
    void successesWithoutFailuresReportNothing() {
        assertNull(streak.succeeded());
    }

    @Test
    void aFailureAfterRecoveryStartsANewStreak() {
        streak.failed();
        streak.succeeded();
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertEquals(new FailureStreak.Streak(1, Duration.ZERO), streak.failed());
    }
}

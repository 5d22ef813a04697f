package io.vantage.infrastructure.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailureStreakTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final FailureStreak streak = new FailureStreak(Duration.ofSeconds(60), now::get,
            (attempt, cause) -> { }, (failures, lasted, cause) -> { }, (failures, lasted) -> { });

    @Test
    void theFirstFailureOfAStreakIsReportedAndTheNextOnesAreCountedQuietly() {
        assertEquals(new FailureStreak.Streak(1, Duration.ZERO), streak.countFailure());
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertNull(streak.countFailure());
        assertNull(streak.countFailure());
    }

    @Test
    void aStreakThatGoesOnIsRemindedOfOncePerInterval() {
        streak.countFailure();
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertNull(streak.countFailure());
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertEquals(new FailureStreak.Streak(3, Duration.ofSeconds(60)), streak.countFailure());
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertNull(streak.countFailure());
    }

    @Test
    void theFirstSuccessAfterFailuresReportsTheEndedStreakOnce() {
        streak.countFailure();
        streak.countFailure();
        now.addAndGet(Duration.ofSeconds(15).toNanos());
        assertEquals(new FailureStreak.Streak(2, Duration.ofSeconds(15)), streak.countSuccess());
        assertNull(streak.countSuccess());
    }

    @Test
    void successesWithoutFailuresReportNothing() {
        assertNull(streak.countSuccess());
    }

    @Test
    void aFailureAfterRecoveryStartsANewStreak() {
        streak.countFailure();
        streak.countSuccess();
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertEquals(new FailureStreak.Streak(1, Duration.ZERO), streak.countFailure());
    }

    @Test
    void anOutageIsLoggedAsItsFirstFailureAReminderAndItsEnd() {
        List<String> logged = new ArrayList<>();
        FailureStreak logging = new FailureStreak(Duration.ofSeconds(60), now::get,
                (attempt, cause) -> logged.add("first " + attempt),
                (failures, lasted, cause) -> logged.add("reminder " + failures + " " + lasted.toSeconds()),
                (failures, lasted) -> logged.add("recovered " + failures + " " + lasted.toSeconds()));
        RuntimeException refused = new RuntimeException("refused");
        logging.failed("batch 1", refused);
        logging.failed("batch 2", refused);
        now.addAndGet(Duration.ofSeconds(60).toNanos());
        logging.failed("batch 3", refused);
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        logging.succeeded();
        logging.succeeded();
        assertEquals(List.of("first batch 1", "reminder 3 60", "recovered 3 65"), logged);
    }
}

package io.vantage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server is killed without warning while an agent reports, and stays down for a while; once it is back, the
 * series has no hole: what was acknowledged before the crash was in the broker's journal, and what the agent collected
 * meanwhile was kept and resent.
 */
class ServerCrashIT {

    /** As long as the check stops it: a minute, during which the agent's reconnects back off. */
    private static final Duration DOWN = Duration.ofSeconds(60);

    private static RunningVantage vantage;
    private static ReportedSeries series;

    @BeforeAll
    static void startVantage() {
        vantage = RunningVantage.get();
        series = new ReportedSeries(VantageApi.withPassword(vantage.baseUrl(), "admin",
                RunningVantage.ADMIN_PASSWORD));
    }

    @Test
    void killing_and_restarting_the_server_loses_no_sample_the_agent_collected() throws Exception {
        try (ReportedSeries.ReportingAgent agent = series.startAgent("crash")) {
            long nodeId = agent.nodeId();
            Path log = agent.log();
            Instant killedAt = Instant.now();
            vantage.killAndRestartServer(DOWN);
            Instant restartedAt = Instant.now();

            // wait until samples newer than the restart arrive: everything before them has been resent by then
            List<Long> timestamps = Waits.until(Duration.ofSeconds(150), () -> {
                List<Long> now = series.timestamps(nodeId);
                return !now.isEmpty() && now.get(now.size() - 1) > restartedAt.plusSeconds(3).toEpochMilli()
                        ? Optional.of(now) : Optional.empty();
            }).orElseThrow(() -> new AssertionError("the agent did not resume reporting after the restart; see "
                    + log + " and " + vantage.serverLog()));

            assertTrue(timestamps.stream().anyMatch(t -> t > killedAt.plusSeconds(2).toEpochMilli()
                            && t < killedAt.plus(DOWN).toEpochMilli()),
                    "samples collected while the server was down were delivered after it came back");
            ReportedSeries.firstHole(timestamps).ifPresent(hole -> {
                throw new AssertionError(hole + " (crash at " + killedAt + ")");
            });
            assertEquals(timestamps.size(), timestamps.stream().distinct().count(), "no sample stored twice");
            assertTrue(agent.process().isAlive());
        }
    }
}

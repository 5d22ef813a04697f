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
 * Cassandra goes away for a while as an agent reports every second, and the server stays up. The agent's batches are
 * acknowledged once they are on the metrics topic; the storage consumer's writes fail, are rolled back and retried
 * with the topic's backoff, and once Cassandra is back every sample is stored, each once. The server log tells the
 * outage in a few lines, its start and its end, not one warning per failed attempt.
 */
class CassandraOutageIT {

    private static final Duration DOWN = Duration.ofSeconds(15);

    private static RunningVantage vantage;
    private static ReportedSeries series;

    @BeforeAll
    static void startVantage() {
        vantage = RunningVantage.get();
        series = new ReportedSeries(VantageApi.withPassword(vantage.baseUrl(), "admin",
                RunningVantage.ADMIN_PASSWORD));
    }

    @Test
    void samples_acknowledged_while_cassandra_was_down_are_stored_once_it_is_back() throws Exception {
        try (ReportedSeries.ReportingAgent agent = series.startAgent("cassandra-outage")) {
            long nodeId = agent.nodeId();
            Path log = agent.log();
            long logOffset = vantage.serverLogSize();
            Instant stoppedAt = Instant.now();
            vantage.stopCassandraFor(DOWN);
            Instant backAt = Instant.now();

            // the retried batches land in any order: wait for a series that reaches past the restart with no hole
            List<Long> timestamps = Waits.until(Duration.ofSeconds(120), () -> {
                List<Long> now = series.timestamps(nodeId);
                return !now.isEmpty() && now.get(now.size() - 1) > backAt.plusSeconds(3).toEpochMilli()
                        && ReportedSeries.firstHole(now).isEmpty() ? Optional.of(now) : Optional.empty();
            }).orElseThrow(() -> new AssertionError("the series still has a hole or stops before Cassandra came back ("
                    + ReportedSeries.firstHole(series.timestamps(nodeId)).orElse("no hole") + "); see " + log
                    + " and " + vantage.serverLog()));

            assertTrue(timestamps.stream().anyMatch(t -> t > stoppedAt.plusSeconds(2).toEpochMilli()
                            && t < stoppedAt.plus(DOWN).toEpochMilli()),
                    "samples collected while Cassandra was down were stored after it came back");
            assertEquals(timestamps.size(), timestamps.stream().distinct().count(), "no sample stored twice");
            assertTrue(agent.process().isAlive());

            String logged = Waits.until(Duration.ofSeconds(30), () -> {
                String since = vantage.serverLogSince(logOffset);
                return since.contains("VANTAGE-SVC-0033") ? Optional.of(since) : Optional.empty();
            }).orElseThrow(() -> new AssertionError("the end of the outage was not logged (VANTAGE-SVC-0033); see "
                    + vantage.serverLog()));
            long failureLines = logged.lines().filter(line -> line.contains("VANTAGE-SVC-0030")).count();
            assertTrue(failureLines >= 1 && failureLines <= 3, "the outage's first failure is logged, not each "
                    + "redelivered batch's: " + failureLines + " lines of VANTAGE-SVC-0030");
        }
    }
}

package io.vantage.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vantage.persistence.checks.CheckResult;
import io.vantage.persistence.checks.CheckResultRepository;
import io.vantage.persistence.checks.CheckState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A notice about an alert on a check's status quotes the run that changed it, and never waits or fails for it. */
class CheckTextsTest {

    private static final Instant T = Instant.parse("2026-11-28T03:12:45Z");

    @Test
    void only_an_agent_checks_status_metric_names_a_check() {
        assertEquals(Optional.of("disk"), CheckTexts.checkOf("check.disk.status"));
        assertEquals(Optional.of("http:8080"), CheckTexts.checkOf("check.http:8080.status"));
        assertEquals(Optional.empty(), CheckTexts.checkOf("check.disk.duration_seconds"));
        assertEquals(Optional.empty(), CheckTexts.checkOf("check.disk._.status"));
        assertEquals(Optional.empty(), CheckTexts.checkOf("cpu.total"));
        assertEquals(Optional.empty(), CheckTexts.checkOf(null));
    }

    @Test
    void the_text_is_the_newest_run_finished_by_the_alert_change_not_a_later_one() {
        CheckTexts texts = new CheckTexts();
        texts.results = repository(List.of(
                result(T.plusSeconds(60), "DISK OK - free space: / 3326 MB (56%)"),
                result(T, "DISK CRITICAL - free space: / 12 MB (1%)"),
                result(T.minusSeconds(60), "DISK WARNING - free space: / 300 MB (5%)")));

        assertEquals(Optional.of("DISK CRITICAL - free space: / 12 MB (1%)"), texts.textAt(1, 2, "check.disk.status", T));
        assertEquals(Optional.empty(), texts.textAt(1, 2, "check.disk.status", T.minusSeconds(3600)));
        assertEquals(Optional.empty(), texts.textAt(1, 2, "cpu.total", T));
    }

    @Test
    void storage_that_cannot_be_read_leaves_the_notice_without_the_text() {
        CheckTexts texts = new CheckTexts();
        texts.results = new Unreadable();

        assertEquals(Optional.empty(), texts.textAt(1, 2, "check.disk.status", T));
    }

    private static CheckResult result(Instant finished, String text) {
        return new CheckResult("disk", CheckState.CRITICAL, text, finished, 40);
    }

    /** Holds one check's results, newest first, as the real repository answers. */
    private static CheckResultRepository repository(List<CheckResult> newestFirst) {
        return new Unreadable() {
            @Override
            public List<CheckResult> history(long organizationId, long nodeId, String check, int limit) {
                return newestFirst.stream().limit(limit).toList();
            }
        };
    }

    private static class Unreadable implements CheckResultRepository {
        @Override
        public void append(long organizationId, long nodeId, List<CheckResult> results) {
            throw new IllegalStateException("Cassandra is down");
        }

        @Override
        public List<CheckResult> latest(long organizationId, long nodeId) {
            throw new IllegalStateException("Cassandra is down");
        }

        @Override
        public Optional<CheckResult> latest(long organizationId, long nodeId, String check) {
            throw new IllegalStateException("Cassandra is down");
        }

        @Override
        public List<CheckResult> history(long organizationId, long nodeId, String check, int limit) {
            throw new IllegalStateException("Cassandra is down");
        }
    }
}

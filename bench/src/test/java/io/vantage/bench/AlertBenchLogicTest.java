package io.vantage.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Unit tests of the alert benchmark's own logic: JSON reading, notice parsing and matching, REST answers. */
class AlertBenchLogicTest {

    private static final String NOTICE = "{\"id\":\"5f0c3a52-8f7e\",\"kind\":\"PROBLEM\",\"severity\":\"CRITICAL\","
            + "\"previousSeverity\":\"OK\",\"node\":{\"id\":3,\"name\":\"bench-probe\"},"
            + "\"monitor\":{\"id\":7,\"name\":\"alert-bench-r1\"},\"alertId\":42,\"metric\":\"bench.alert\","
            + "\"value\":95.001,\"threshold\":\"> 90 (clears at <= 80)\",\"occurredAt\":\"2026-11-28T03:12:45.5Z\","
            + "\"organization\":\"Acme \\\"one\\\"\"}";

    @Test
    void jsonFieldsReadOneLevelAndUnescapeStrings() {
        Map<String, String> fields = JsonFields.object(" { \"a\" : 1, \"b\":\"x\\\"y\\\\z\\u0041\", \"c\":{\"d\":[1,{\"e\":\"}\"}]},"
                + "\"f\":[ ],\"g\":null,\"h\":true }");
        assertEquals("1", fields.get("a"));
        assertEquals("x\"y\\zA", fields.get("b"));
        assertEquals("{\"d\":[1,{\"e\":\"}\"}]}", fields.get("c"));
        assertEquals(List.of("1", "{\"e\":\"}\"}"), JsonFields.array(JsonFields.object(fields.get("c")).get("d")));
        assertEquals(List.of(), JsonFields.array(fields.get("f")));
        assertEquals("null", fields.get("g"));
        assertEquals("true", fields.get("h"));
        assertEquals(Map.of(), JsonFields.object("{}"));
        assertThrows(IllegalArgumentException.class, () -> JsonFields.object("[1]"));
        assertThrows(IllegalArgumentException.class, () -> JsonFields.object("{\"a\":\"open"));
        assertEquals("\"a\\\"b\\\\c\\u000a\"", JsonFields.quote("a\"b\\c\n"));
    }

    @Test
    void webhookNoticeParsing() {
        WebhookNotice notice = WebhookNotice.parse(NOTICE, 1234);
        assertEquals("5f0c3a52-8f7e", notice.id());
        assertEquals("PROBLEM", notice.kind());
        assertEquals("CRITICAL", notice.severity());
        assertEquals(7, notice.monitorId());
        assertEquals(3, notice.nodeId());
        assertEquals(95.001, notice.value());
        assertEquals("2026-11-28T03:12:45.5Z", notice.occurredAt());
        assertEquals(1234, notice.arrivedNanos());
        WebhookNotice noValue = WebhookNotice.parse(NOTICE.replace("\"value\":95.001,", ""), 0);
        assertTrue(Double.isNaN(noValue.value()));
        assertThrows(IllegalArgumentException.class, () -> WebhookNotice.parse("{\"kind\":\"PROBLEM\"}", 0));
    }

    private static WebhookNotice notice(String id, String kind, long monitor, double value, long arrived) {
        return new WebhookNotice(id, kind, "CRITICAL", monitor, 3, value, "t", arrived);
    }

    @Test
    void noticeMatcherPairsByMonitorKindAndValueAndTalliesTheRest() throws InterruptedException {
        LinkedBlockingQueue<WebhookNotice> queue = new LinkedBlockingQueue<>();
        NoticeMatcher matcher = new NoticeMatcher(queue, 7);
        long now = System.nanoTime();
        long deadline = now + TimeUnit.SECONDS.toNanos(5);
        queue.add(notice("a", "PROBLEM", 8, 95.001, now));       // another monitor
        queue.add(notice("b", "PROBLEM", 7, 95.001, now));       // the one
        queue.add(notice("b", "PROBLEM", 7, 95.001, now));       // redelivered
        queue.add(notice("c", "PROBLEM", 7, 95.002, now));       // a later breach's problem: no RESOLVED
        queue.add(notice("d", "RESOLVED", 7, 10.0010001, now));  // through a float, still matches
        assertEquals("b", matcher.await("PROBLEM", 95.001, deadline).id());
        assertEquals("d", matcher.await("RESOLVED", 10.001, deadline).id());
        assertEquals(1, matcher.foreign());
        assertEquals(1, matcher.duplicates());
        assertEquals(List.of("c"), matcher.unmatched().stream().map(WebhookNotice::id).toList());
    }

    @Test
    void noticeMatcherGivesUpAtTheDeadlineAndRefusesALateNotice() throws InterruptedException {
        LinkedBlockingQueue<WebhookNotice> queue = new LinkedBlockingQueue<>();
        NoticeMatcher matcher = new NoticeMatcher(queue, 7);
        long start = System.nanoTime();
        assertNull(matcher.await("PROBLEM", 95.001, start + TimeUnit.MILLISECONDS.toNanos(50)));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(50));
        long deadline = System.nanoTime() - 1;
        queue.add(notice("late", "PROBLEM", 7, 95.001, deadline + 1));
        assertNull(matcher.await("PROBLEM", 95.001, deadline));
        assertEquals(1, matcher.unmatched().size());
    }

    @Test
    void breachAndRecoveryValuesAreUniqueAndOnTheRightSideOfTheRule() {
        for (int n = 1; n <= 999; n++) {
            assertTrue(BreachLoop.breachValue(n) > 90 && BreachLoop.breachValue(n) < 96);
            assertTrue(BreachLoop.recoveryValue(n) <= 80);
            assertTrue(BreachLoop.breachValue(n) > BreachLoop.breachValue(n - 1));
        }
    }

    @Test
    void restAnswersForTheAlertSetup() {
        String nodes = "[{\"addresses\":[],\"details\":{\"name\":\"x\"},\"id\":4,\"latest\":[{\"metric\":\"m\","
                + "\"value\":1.0}],\"name\":\"bench-1\"},{\"id\":9,\"name\":\"Bench-Probe\",\"tags\":[]}]";
        assertEquals(9, RestClient.nodeNamed(nodes, "bench-probe"));
        assertEquals(-1, RestClient.nodeNamed(nodes, "x"));
        assertEquals(-1, RestClient.nodeNamed("[]", "bench-probe"));
        assertEquals(Set.of(3L, 12L), RestClient.ids("[3, 12]"));
        assertEquals("bench-probe", AgentConnection.hostname(-1));
        assertEquals("bench-4", AgentConnection.hostname(4));
    }
}

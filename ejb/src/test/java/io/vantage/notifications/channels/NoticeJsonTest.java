package io.vantage.notifications.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoticeJsonTest {

    @Test
    void a_problem_has_every_field_of_the_schema_in_its_documented_type() {
        JsonObject json = parse(NoticeJson.toJson(Notices.problem()));

        assertEquals("n-problem-1", json.getString("id"));
        assertEquals("PROBLEM", json.getString("kind"));
        assertEquals("CRITICAL", json.getString("severity"));
        assertEquals("OK", json.getString("previousSeverity"));
        assertEquals(3, json.getJsonObject("node").getJsonNumber("id").longValueExact());
        assertEquals("web-1", json.getJsonObject("node").getString("name"));
        assertEquals(7, json.getJsonObject("monitor").getJsonNumber("id").longValueExact());
        assertEquals("High CPU", json.getJsonObject("monitor").getString("name"));
        assertEquals(42, json.getJsonNumber("alertId").longValueExact());
        assertEquals("cpu.total.busy", json.getString("metric"));
        assertEquals(97.5, json.getJsonNumber("value").doubleValue());
        assertEquals("> 90 (clears at <= 80)", json.getString("threshold"));
        assertEquals("2026-11-28T03:12:45Z", json.getString("occurredAt"));
        assertEquals("Acme", json.getString("organization"));
        assertEquals("https://vantage.example.com/alerts/42", json.getString("link"));
        assertEquals(List.of("id", "kind", "severity", "previousSeverity", "node", "monitor", "alertId", "metric",
                "value", "threshold", "occurredAt", "organization", "link"), List.copyOf(json.keySet()));
    }

    @Test
    void an_alert_on_an_agent_checks_status_quotes_what_the_check_said_as_the_last_field() {
        AlertNotice check = Notices.checkProblem();

        JsonObject json = parse(NoticeJson.toJson(check));

        assertEquals("DISK CRITICAL - free space: / 12 MB (1%)", json.getString("checkText"));
        List<String> fields = List.copyOf(json.keySet());
        assertEquals("checkText", fields.get(fields.size() - 1), "a field added at the end of the contract");
        assertFalse(parse(NoticeJson.toJson(Notices.problem())).containsKey("checkText"));
    }

    @Test
    void absent_values_are_omitted_not_written_as_null() {
        JsonObject json = parse(NoticeJson.toJson(Notices.acknowledged()));

        assertFalse(json.containsKey("value"));
        assertFalse(json.containsKey("threshold"));
        assertFalse(json.containsKey("link"));
        assertTrue(json.values().stream().noneMatch(v -> v.getValueType() == jakarta.json.JsonValue.ValueType.NULL));
        assertEquals("alice", json.getString("acknowledgedBy"));
        assertEquals("restarting the batch job", json.getString("note"));
    }

    @Test
    void quotes_backslashes_newlines_and_unicode_in_a_node_name_survive_the_round_trip() {
        String name = "web \"1\"\\ rack\nß-ü-\u00e9-\u4e2d-\ud83d\ude80\t\u0001";

        String text = NoticeJson.toJson(Notices.onNode("n-1", name));

        assertFalse(text.contains("\n"), "a raw newline would break line-oriented receivers");
        assertTrue(text.contains("\\\"1\\\""), text);
        assertTrue(text.contains("\\n"), text);
        assertEquals(name, parse(text).getJsonObject("node").getString("name"));
    }

    @Test
    void fractions_of_a_second_are_kept_in_the_timestamp() {
        AlertNotice p = Notices.problem();
        AlertNotice precise = new AlertNotice(p.id(), p.kind(), p.organization(), p.nodeName(), p.nodeId(),
                p.monitorName(), p.monitorId(), p.alertId(), p.metric(), p.severity(), p.previousSeverity(), p.value(),
                p.threshold(), p.occurredAt().plusMillis(250), null, null, null);

        assertEquals("2026-11-28T03:12:45.250Z", parse(NoticeJson.toJson(precise)).getString("occurredAt"));
    }

    private static JsonObject parse(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}

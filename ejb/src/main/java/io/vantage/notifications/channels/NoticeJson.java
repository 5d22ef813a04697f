package io.vantage.notifications.channels;

import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;

/**
 * The JSON a webhook receives for one notice. The schema is a contract with receivers' code: add fields, never
 * rename or remove one.
 *
 * <pre>{@code
 * {
 *   "id": "5f0c3a52-8f7e-4c1e-9d55-0b6f2f6f2a10",  // string, unique per delivery: drop duplicates by it
 *   "kind": "PROBLEM",             // PROBLEM | RESOLVED | ACKNOWLEDGED | FLAPPING | FLAPPING_ENDED | NO_DATA
 *   "severity": "CRITICAL",        // OK | WARNING | CRITICAL: the severity now
 *   "previousSeverity": "OK",      // the severity before this change
 *   "node": {"id": 3, "name": "web-1"},
 *   "monitor": {"id": 7, "name": "High CPU"},
 *   "alertId": 42,                 // number, the same for every notice about one incident
 *   "metric": "cpu.total.busy",
 *   "value": 97.5,                 // number
 *   "threshold": "> 90 (clears at <= 80)",
 *   "occurredAt": "2026-11-28T03:12:45Z",  // ISO-8601 instant in UTC, fractions of a second when not zero
 *   "organization": "Acme",
 *   "link": "https://vantage.example.com/alerts/42",
 *   "acknowledgedBy": "alice",     // set on ACKNOWLEDGED
 *   "note": "looking into it",     // set on ACKNOWLEDGED when they wrote one
 *   "checkText": "PROCS CRITICAL: 0 processes with command name 'nginx'"  // the status text of an agent check,
 *                                  // set when the metric is check.<name>.status and the check's result is known
 * }
 * }</pre>
 *
 * <p>Always present: id, kind, severity, node, monitor, alertId, metric, occurredAt, organization. The others are
 * omitted, not null, when the notice has no value for them. Ids are JSON numbers (64-bit integers). The text is
 * UTF-8; strings are escaped as JSON requires, nothing else is escaped. Fields come in the order shown.
 */
public final class NoticeJson {

    // looking the provider up costs a service-loader scan; once per class is enough
    private static final JsonProvider JSON = JsonProvider.provider();

    private NoticeJson() {
    }

    /** The notice as one JSON object, per the schema above. */
    public static String toJson(AlertNotice notice) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject()
                    .write("id", notice.id())
                    .write("kind", notice.kind().name())
                    .write("severity", notice.severity());
            optional(json, "previousSeverity", notice.previousSeverity());
            json.writeStartObject("node").write("id", notice.nodeId()).write("name", notice.nodeName()).writeEnd()
                    .writeStartObject("monitor").write("id", notice.monitorId()).write("name", notice.monitorName())
                    .writeEnd()
                    .write("alertId", notice.alertId())
                    .write("metric", notice.metric());
            if (notice.value() != null) {
                json.write("value", notice.value());
            }
            optional(json, "threshold", notice.threshold());
            json.write("occurredAt", notice.occurredAt().toString())
                    .write("organization", notice.organization());
            optional(json, "link", notice.link());
            optional(json, "acknowledgedBy", notice.acknowledgedBy());
            optional(json, "note", notice.note());
            optional(json, "checkText", notice.checkText());
            json.writeEnd();
        }
        return out.toString();
    }

    private static void optional(JsonGenerator json, String name, String value) {
        if (value != null) {
            json.write(name, value);
        }
    }
}

package io.vantage.bench;

import java.util.Map;

/**
 * One notice as Vantage's webhook channel posts it (the fields the alert benchmark matches on), with the moment it
 * arrived on this JVM's {@link System#nanoTime()} clock.
 *
 * @param id           the delivery's id (a redelivery repeats it)
 * @param kind         PROBLEM, RESOLVED, ...
 * @param severity     the severity now
 * @param monitorId    the monitor that raised it
 * @param nodeId       the node it is about
 * @param value        the sample value that changed the alert, NaN when the notice has none
 * @param occurredAt   when the change happened, as the server wrote it
 * @param arrivedNanos when the receiver got the request
 */
record WebhookNotice(String id, String kind, String severity, long monitorId, long nodeId, double value,
                     String occurredAt, long arrivedNanos) {

    /** Reads a notice from the webhook's JSON body. */
    static WebhookNotice parse(String json, long arrivedNanos) {
        Map<String, String> fields = JsonFields.object(json);
        Map<String, String> monitor = JsonFields.object(JsonFields.required(fields, "monitor"));
        Map<String, String> node = JsonFields.object(JsonFields.required(fields, "node"));
        String value = fields.get("value");
        return new WebhookNotice(JsonFields.required(fields, "id"), JsonFields.required(fields, "kind"),
                JsonFields.required(fields, "severity"), Long.parseLong(JsonFields.required(monitor, "id")),
                Long.parseLong(JsonFields.required(node, "id")),
                value == null ? Double.NaN : Double.parseDouble(value), fields.get("occurredAt"), arrivedNanos);
    }
}

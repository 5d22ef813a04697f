package io.vantage.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One agent's {@code load.1m} series as the API returns it, for the tests that take part of the stack away while an
 * agent reports every second and then look for holes.
 */
final class ReportedSeries {

    /** Largest step between two consecutive samples of a 1 s agent that counts as "no hole". */
    static final long MAX_STEP_MILLIS = 3_000;

    private final VantageApi api;

    ReportedSeries(VantageApi api) {
        this.api = api;
    }

    /** The node id of the agent's host, once it has stored at least {@code count} samples. */
    long awaitSamples(String hostname, int count) {
        return Waits.until(Duration.ofSeconds(60), () -> {
            for (JsonValue value : api.get("/nodes").json().asJsonArray()) {
                JsonObject node = value.asJsonObject();
                if (node.getString("name").equals(hostname)) {
                    long id = node.getJsonNumber("id").longValue();
                    return timestamps(id).size() >= count ? Optional.of(id) : Optional.empty();
                }
            }
            return Optional.empty();
        }).orElseThrow(() -> new AssertionError(hostname + " did not report " + count + " samples"));
    }

    /** The stored samples' times, oldest first; empty while the node has none. */
    List<Long> timestamps(long nodeId) {
        VantageApi.Reply reply = api.get("/nodes/" + nodeId + "/metrics/load.1m/samples");
        if (reply.status() != 200) {
            return List.of();
        }
        return reply.json().asJsonObject().getJsonArray("samples").stream()
                .map(point -> point.asJsonObject().getJsonNumber("epochMillis").longValue())
                .toList();
    }

    /** The first step between consecutive samples longer than {@link #MAX_STEP_MILLIS}, described. */
    static Optional<String> firstHole(List<Long> timestamps) {
        for (int i = 1; i < timestamps.size(); i++) {
            long step = timestamps.get(i) - timestamps.get(i - 1);
            if (step > MAX_STEP_MILLIS) {
                return Optional.of("hole of " + step + " ms before " + Instant.ofEpochMilli(timestamps.get(i)));
            }
        }
        return Optional.empty();
    }
}

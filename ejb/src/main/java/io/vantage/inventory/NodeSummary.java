package io.vantage.inventory;

import io.vantage.persistence.metrics.LatestValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A node as the console and the API show it: identity, tags, when it was last heard from and its newest values.
 *
 * @param id         the node's id
 * @param name       its name (the hostname its agent reports)
 * @param tags       its tags
 * @param os         its operating system, or null
 * @param addresses  the addresses it is reached at
 * @param details    free-form facts about it
 * @param createdAt  when Vantage first saw it
 * @param lastSeenAt when its agent was last admitted
 * @param latest     the newest value of each metric, by name; empty when storage is unreachable
 */
public record NodeSummary(long id, String name, Set<String> tags, String os, Set<String> addresses,
                          Map<String, String> details, Instant createdAt, Instant lastSeenAt,
                          List<LatestValue> latest) {
}

package io.vantage.web.api;

import io.vantage.inventory.NodeSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A node in the API.
 *
 * @param id         the node's id
 * @param name       its name
 * @param tags       its tags
 * @param os         its operating system, or null
 * @param addresses  the addresses it is reached at
 * @param details    free-form facts about it
 * @param createdAt  when Vantage first saw it (ISO-8601)
 * @param lastSeenAt when its agent last connected (ISO-8601), or null
 * @param latest     the newest value of each metric
 */
public record NodeJson(long id, String name, Set<String> tags, String os, Set<String> addresses,
                       Map<String, String> details, String createdAt, String lastSeenAt, List<LatestJson> latest) {

    static NodeJson of(NodeSummary node) {
        return new NodeJson(node.id(), node.name(), node.tags(), node.os(), node.addresses(), node.details(),
                iso(node.createdAt()), iso(node.lastSeenAt()),
                node.latest().stream().map(LatestJson::of).toList());
    }

    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}

package io.vantage.inventory.query;

import java.util.Objects;
import java.util.Set;

/**
 * What a node query can see of one node, for evaluating a query in memory with {@link NodeQueryMatcher}.
 *
 * @param name      the node's name; required
 * @param tags      its tags; {@code null} is read as none
 * @param os        its operating system, or {@code null} when unknown (then no {@code os:} term matches)
 * @param addresses its network addresses; {@code null} is read as none
 */
public record NodeFacts(String name, Set<String> tags, String os, Set<String> addresses) {

    public NodeFacts {
        Objects.requireNonNull(name, "name");
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        addresses = addresses == null ? Set.of() : Set.copyOf(addresses);
    }
}

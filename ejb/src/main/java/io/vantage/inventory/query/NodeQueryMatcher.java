package io.vantage.inventory.query;

import io.vantage.inventory.query.NodeQuery.And;
import io.vantage.inventory.query.NodeQuery.Match;
import io.vantage.inventory.query.NodeQuery.MatchAll;
import io.vantage.inventory.query.NodeQuery.Not;
import io.vantage.inventory.query.NodeQuery.Or;
import java.util.Set;

/**
 * Evaluates a node query against one node in memory, with the same meaning as the search index gives it through
 * {@link NodeQueryPredicates}: case-insensitive, {@code *} and {@code ?} wildcards, a multi-valued field matching when
 * any value does, and an unknown OS matching no {@code os:} term (though it does match {@code NOT os:...}). Services
 * use it to decide quickly whether one changed node is targeted by a monitor without asking the index.
 */
public final class NodeQueryMatcher {

    private NodeQueryMatcher() {
    }

    /** Whether the node is one the query targets. */
    public static boolean matches(NodeQuery query, NodeFacts node) {
        if (query instanceof MatchAll) {
            return true;
        }
        if (query instanceof Match match) {
            return values(match.field(), node).stream().anyMatch(v -> wildcardMatches(match.pattern(), v));
        }
        if (query instanceof Not not) {
            return !matches(not.operand(), node);
        }
        if (query instanceof And and) {
            return and.operands().stream().allMatch(q -> matches(q, node));
        }
        if (query instanceof Or or) {
            return or.operands().stream().anyMatch(q -> matches(q, node));
        }
        throw new IllegalArgumentException("unknown kind of query: " + query);
    }

    private static Set<String> values(QueryField field, NodeFacts node) {
        switch (field) {
            case NAME:
                return Set.of(node.name());
            case TAG:
                return node.tags();
            case OS:
                return node.os() == null ? Set.of() : Set.of(node.os());
            case ADDRESS:
                return node.addresses();
            default:
                throw new IllegalArgumentException("unknown field " + field);
        }
    }

    /**
     * Glob matching over code points, as Lucene's wildcard query does ({@code ?} is one code point, not one UTF-16
     * char). The pattern is already lowercase (see {@link Match}); the value is lowercased the way the index does.
     */
    static boolean wildcardMatches(String pattern, String value) {
        int[] p = pattern.codePoints().toArray();
        int[] v = QuerySyntax.lowercase(value).codePoints().toArray();
        int pi = 0;
        int vi = 0;
        int star = -1; // where the last '*' was in the pattern
        int resume = 0; // where in the value that '*' currently stops swallowing
        while (vi < v.length) {
            if (pi < p.length && (p[pi] == '?' || p[pi] == v[vi]) && p[pi] != '*') {
                pi++;
                vi++;
            } else if (pi < p.length && p[pi] == '*') {
                star = pi++;
                resume = vi;
            } else if (star >= 0) {
                // let the last '*' swallow one more character and retry from just after it
                pi = star + 1;
                vi = ++resume;
            } else {
                return false;
            }
        }
        while (pi < p.length && p[pi] == '*') {
            pi++;
        }
        return pi == p.length;
    }
}

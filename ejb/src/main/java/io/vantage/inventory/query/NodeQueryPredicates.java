package io.vantage.inventory.query;

import io.vantage.inventory.query.NodeQuery.And;
import io.vantage.inventory.query.NodeQuery.Match;
import io.vantage.inventory.query.NodeQuery.MatchAll;
import io.vantage.inventory.query.NodeQuery.Not;
import io.vantage.inventory.query.NodeQuery.Or;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;

/**
 * Translates a node query into a Hibernate Search predicate over the fields in {@link io.vantage.persistence.inventory.NodeIndex}, with the
 * meaning {@link NodeQueryMatcher} gives it. The caller adds the organization filter.
 */
public final class NodeQueryPredicates {

    private NodeQueryPredicates() {
    }

    /** The predicate selecting the nodes the query targets. */
    public static PredicateFinalStep toPredicate(NodeQuery query, SearchPredicateFactory f) {
        if (query instanceof MatchAll) {
            return f.matchAll();
        }
        if (query instanceof Match match) {
            return match(match, f);
        }
        if (query instanceof Not not) {
            // a bool with only a mustNot clause matches nothing: it needs something to subtract from
            return f.bool().must(f.matchAll()).mustNot(toPredicate(not.operand(), f));
        }
        if (query instanceof And and) {
            BooleanPredicateClausesStep<?> bool = f.bool();
            and.operands().forEach(q -> bool.must(toPredicate(q, f)));
            return bool;
        }
        if (query instanceof Or or) {
            // with should clauses only, Hibernate Search requires at least one of them to match
            BooleanPredicateClausesStep<?> bool = f.bool();
            or.operands().forEach(q -> bool.should(toPredicate(q, f)));
            return bool;
        }
        throw new IllegalArgumentException("unknown kind of query: " + query);
    }

    private static PredicateFinalStep match(Match match, SearchPredicateFactory f) {
        String field = match.field().indexField();
        String pattern = match.pattern(); // already lowercase, as the normalizer makes the indexed values
        if (!QuerySyntax.hasWildcard(pattern)) {
            return f.match().field(field).matching(pattern);
        }
        // Lucene's wildcard syntax treats '\' as an escape; the query language does not, so a backslash is literal
        return f.wildcard().field(field).matching(pattern.replace("\\", "\\\\"));
    }
}

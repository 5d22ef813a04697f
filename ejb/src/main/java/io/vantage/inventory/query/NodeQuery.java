package io.vantage.inventory.query;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A parsed node query: which nodes a monitor or a maintenance window targets. Build one with
 * {@link NodeQueryParser#parse}; evaluate it in memory with {@link NodeQueryMatcher} or against the search index with
 * {@link NodeQueryPredicates}. Queries compare by value, and {@code toString()} gives a canonical text that parses back
 * to an equal query, so that text is what gets stored.
 */
public sealed interface NodeQuery {

    /** Every operand matches. Holds at least two operands; a single one is simply that operand. */
    record And(List<NodeQuery> operands) implements NodeQuery {
        public And {
            operands = atLeastTwo(operands, "AND");
        }

        @Override
        public String toString() {
            // nested ANDs keep their parentheses so that the text parses back to this very tree
            return operands.stream()
                    .map(q -> QuerySyntax.writeOperand(q, q instanceof And || q instanceof Or))
                    .collect(Collectors.joining(" AND "));
        }
    }

    /** At least one operand matches. Holds at least two operands. */
    record Or(List<NodeQuery> operands) implements NodeQuery {
        public Or {
            operands = atLeastTwo(operands, "OR");
        }

        @Override
        public String toString() {
            // an AND operand needs no parentheses: AND binds tighter than OR
            return operands.stream()
                    .map(q -> QuerySyntax.writeOperand(q, q instanceof Or))
                    .collect(Collectors.joining(" OR "));
        }
    }

    /** The operand does not match. */
    record Not(NodeQuery operand) implements NodeQuery {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public String toString() {
            return "NOT " + QuerySyntax.writeOperand(operand, operand instanceof And || operand instanceof Or);
        }
    }

    /**
     * The field's value (any one of its values, for tags and addresses) matches the pattern, ignoring case; {@code *}
     * in the pattern stands for any run of characters and {@code ?} for exactly one.
     *
     * @param field   the field tested
     * @param pattern the pattern, lowercased here so that queries differing only in case are equal
     */
    record Match(QueryField field, String pattern) implements NodeQuery {
        public Match {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(pattern, "pattern");
            if (pattern.isEmpty()) {
                throw new IllegalArgumentException("a pattern must not be empty");
            }
            pattern = QuerySyntax.lowercase(pattern);
        }

        @Override
        public String toString() {
            return field.keyword() + ":" + QuerySyntax.writeValue(pattern);
        }
    }

    /** Every node: the empty query, or {@code *}. */
    record MatchAll() implements NodeQuery {
        @Override
        public String toString() {
            return "*";
        }
    }

    private static List<NodeQuery> atLeastTwo(List<NodeQuery> operands, String operator) {
        List<NodeQuery> copy = List.copyOf(operands);
        if (copy.size() < 2) {
            // a one-operand AND would print as its operand and so not survive a round trip through text
            throw new IllegalArgumentException(operator + " needs at least two operands, got " + copy.size());
        }
        return copy;
    }
}

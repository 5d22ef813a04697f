package io.vantage.inventory.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vantage.inventory.query.NodeQuery.And;
import io.vantage.inventory.query.NodeQuery.Match;
import io.vantage.inventory.query.NodeQuery.MatchAll;
import io.vantage.inventory.query.NodeQuery.Not;
import io.vantage.inventory.query.NodeQuery.Or;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NodeQueryCanonicalFormTest {

    /** Values that need quoting, look like operators, hold escapes or wildcards, or are not ASCII. */
    private static final List<String> VALUES = List.of("web", "db-*", "10.0.*", "and", "OR", "not", "-x", "*", "?",
            "fe80::1", "my host", "say \"hi\"", "back\\slash", "a(b)", "Ünïcödé", "\uD835\uDC00bc", "x:y", "tab\there");

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            tag:web                                      | tag:web
            WEB-1                                        | name:web-1
            tag:web os:linux                             | tag:web AND os:linux
            tag:web or tag:api and os:linux              | tag:web OR tag:api AND os:linux
            (tag:web OR tag:api) AND NOT name:canary-*   | (tag:web OR tag:api) AND NOT name:canary-*
            -(tag:a tag:b)                               | NOT (tag:a AND tag:b)
            ((tag:a))                                    | tag:a
            (tag:a AND tag:b) AND tag:c                  | (tag:a AND tag:b) AND tag:c
            address:"fe80::1"                            | address:"fe80::1"
            "and"                                        | name:and
            tag:"a\\"b"                                  | tag:"a\\"b"
            ''                                           | *
            NOT *                                        | NOT *
            """)
    void the_canonical_form_is_explicit_and_lowercase(String text, String canonical) {
        assertEquals(canonical, NodeQueryParser.parse(text).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tag:web", "name:db-* OR NOT (tag:staging os:windows)", "a b c OR d (e OR f) -g",
            "((a OR b) OR c) AND (d AND e)", "NOT NOT NOT a", "tag:\"x\\\\y\" address:10.*", "*", "", "- *"})
    void parsing_the_canonical_form_gives_back_an_equal_query(String text) {
        NodeQuery query = NodeQueryParser.parse(text);
        assertEquals(query, NodeQueryParser.parse(query.toString()));
    }

    @Test
    void every_generated_query_survives_a_round_trip_through_its_canonical_form() {
        Random random = new Random(20_261_128L); // fixed, so that a failure reproduces
        for (int i = 0; i < 2_000; i++) {
            NodeQuery query = randomQuery(random, 4);
            String text = query.toString();
            assertEquals(query, NodeQueryParser.parse(text), () -> "round trip of " + text);
        }
    }

    @Test
    void queries_differing_only_in_letter_case_are_equal() {
        assertEquals(NodeQueryParser.parse("TAG:Web AND name:DB-*"), NodeQueryParser.parse("tag:web and NAME:db-*"));
        assertEquals(new Match(QueryField.OS, "linux"), new Match(QueryField.OS, "Linux"));
    }

    @Test
    void operand_order_matters_to_equality() {
        assertNotEquals(NodeQueryParser.parse("tag:a OR tag:b"), NodeQueryParser.parse("tag:b OR tag:a"));
    }

    @Test
    void and_and_or_need_two_operands_and_copy_their_list() {
        assertThrows(IllegalArgumentException.class, () -> new And(List.of(new MatchAll())));
        assertThrows(IllegalArgumentException.class, () -> new Or(List.of()));
        List<NodeQuery> operands = new ArrayList<>(List.of(new MatchAll(), new MatchAll()));
        And and = new And(operands);
        operands.add(new MatchAll());
        assertEquals(2, and.operands().size());
    }

    @Test
    void a_match_needs_a_non_empty_pattern() {
        assertThrows(IllegalArgumentException.class, () -> new Match(QueryField.TAG, ""));
    }

    private static NodeQuery randomQuery(Random random, int depth) {
        int kind = depth == 0 ? random.nextInt(2) : random.nextInt(5);
        switch (kind) {
            case 0:
                return new Match(QueryField.values()[random.nextInt(QueryField.values().length)],
                        VALUES.get(random.nextInt(VALUES.size())));
            case 1:
                return random.nextInt(10) == 0 ? new MatchAll() : randomQuery(random, 0);
            case 2:
                return new Not(randomQuery(random, depth - 1));
            case 3:
                return new And(randomOperands(random, depth - 1));
            default:
                return new Or(randomOperands(random, depth - 1));
        }
    }

    private static List<NodeQuery> randomOperands(Random random, int depth) {
        List<NodeQuery> operands = new ArrayList<>();
        int count = 2 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            operands.add(randomQuery(random, depth));
        }
        return operands;
    }
}

package io.vantage.inventory.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vantage.inventory.query.NodeQuery.And;
import io.vantage.inventory.query.NodeQuery.Match;
import io.vantage.inventory.query.NodeQuery.MatchAll;
import io.vantage.inventory.query.NodeQuery.Not;
import io.vantage.inventory.query.NodeQuery.Or;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NodeQueryParserTest {

    private static final NodeQuery WEB = tag("web");
    private static final NodeQuery API = tag("api");
    private static final NodeQuery LINUX = new Match(QueryField.OS, "linux");

    @Test
    void a_term_names_a_field_and_a_value() {
        assertEquals(WEB, NodeQueryParser.parse("tag:web"));
        assertEquals(new Match(QueryField.NAME, "db-1"), NodeQueryParser.parse("name:db-1"));
        assertEquals(LINUX, NodeQueryParser.parse("os:linux"));
        assertEquals(new Match(QueryField.ADDRESS, "10.0.*"), NodeQueryParser.parse("address:10.0.*"));
    }

    @Test
    void a_bare_word_means_the_name() {
        assertEquals(new Match(QueryField.NAME, "db-*"), NodeQueryParser.parse("db-*"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n", "*", "  *  "})
    void the_empty_query_and_a_lone_star_match_every_node(String text) {
        assertEquals(new MatchAll(), NodeQueryParser.parse(text));
    }

    @Test
    void and_binds_tighter_than_or() {
        NodeQuery expected = new Or(List.of(WEB, new And(List.of(API, LINUX))));
        assertEquals(expected, NodeQueryParser.parse("tag:web OR tag:api AND os:linux"));
        assertEquals(new Or(List.of(new And(List.of(LINUX, API)), WEB)),
                NodeQueryParser.parse("os:linux AND tag:api OR tag:web"));
    }

    @Test
    void parentheses_override_precedence() {
        NodeQuery expected = new And(List.of(new Or(List.of(WEB, API)), LINUX));
        assertEquals(expected, NodeQueryParser.parse("(tag:web OR tag:api) AND os:linux"));
    }

    @Test
    void operators_chain_into_one_flat_list() {
        assertEquals(new Or(List.of(WEB, API, LINUX)), NodeQueryParser.parse("tag:web OR tag:api OR os:linux"));
        assertEquals(new And(List.of(WEB, API, LINUX)), NodeQueryParser.parse("tag:web AND tag:api AND os:linux"));
    }

    @Test
    void terms_side_by_side_mean_and() {
        assertEquals(new And(List.of(WEB, LINUX)), NodeQueryParser.parse("tag:web os:linux"));
        assertEquals(new And(List.of(WEB, new Or(List.of(API, LINUX)))), NodeQueryParser.parse("tag:web(tag:api OR os:linux)"));
    }

    @Test
    void not_and_minus_negate_the_next_unary_only() {
        assertEquals(new Not(tag("staging")), NodeQueryParser.parse("NOT tag:staging"));
        assertEquals(new Not(tag("staging")), NodeQueryParser.parse("-tag:staging"));
        assertEquals(new And(List.of(new Not(WEB), LINUX)), NodeQueryParser.parse("NOT tag:web AND os:linux"));
        assertEquals(new Not(new Not(WEB)), NodeQueryParser.parse("NOT -tag:web"));
    }

    @Test
    void the_example_from_the_manual_parses_as_written() {
        NodeQuery expected = new And(List.of(new Or(List.of(WEB, API)),
                new Not(new Match(QueryField.NAME, "canary-*"))));
        assertEquals(expected, NodeQueryParser.parse("(tag:web OR tag:api) AND NOT name:canary-*"));
    }

    @Test
    void operators_and_field_names_ignore_case() {
        NodeQuery expected = new Or(List.of(new And(List.of(WEB, new Not(LINUX))), API));
        assertEquals(expected, NodeQueryParser.parse("TAG:web and not Os:linux Or tag:api"));
        assertEquals(expected, NodeQueryParser.parse("tag:web AnD nOt os:linux oR tag:api"));
    }

    @Test
    void values_ignore_case() {
        assertEquals(NodeQueryParser.parse("name:db-1"), NodeQueryParser.parse("name:DB-1"));
    }

    @Test
    void a_word_that_only_starts_like_an_operator_is_a_name() {
        assertEquals(new And(List.of(new Match(QueryField.NAME, "android"), new Match(QueryField.NAME, "order-1"))),
                NodeQueryParser.parse("android order-1"));
        assertEquals(new Match(QueryField.TAG, "and"), NodeQueryParser.parse("tag:and"));
    }

    @Test
    void a_minus_inside_or_after_a_colon_is_part_of_the_value() {
        assertEquals(new Match(QueryField.NAME, "web-1"), NodeQueryParser.parse("web-1"));
        assertEquals(new Match(QueryField.TAG, "-x"), NodeQueryParser.parse("tag:-x"));
    }

    @Test
    void quoted_values_hold_any_character_and_two_escapes() {
        assertEquals(new Match(QueryField.ADDRESS, "fe80::1"), NodeQueryParser.parse("address:\"fe80::1\""));
        assertEquals(new Match(QueryField.TAG, "say \"hi\" \\ bye"),
                NodeQueryParser.parse("tag:\"say \\\"hi\\\" \\\\ bye\""));
        assertEquals(new Match(QueryField.NAME, "and"), NodeQueryParser.parse("\"and\""));
        assertEquals(new Match(QueryField.NAME, "my host"), NodeQueryParser.parse("\"my host\""));
    }

    @Test
    void wildcards_may_be_quoted_or_bare() {
        assertEquals(new Match(QueryField.NAME, "db-?"), NodeQueryParser.parse("name:db-?"));
        assertEquals(new Match(QueryField.NAME, "db *"), NodeQueryParser.parse("name:\"db *\""));
        assertEquals(new Match(QueryField.TAG, "*"), NodeQueryParser.parse("tag:*"));
        assertEquals(new Not(new MatchAll()), NodeQueryParser.parse("NOT *"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            tag:                          | expected a value after 'tag:' at column 5 but found end of query
            tag: web                      | expected a value after 'tag:' at column 5 but found ' '
            TAG:(web)                     | expected a value after 'TAG:' at column 5 but found '('
            tag:""                        | expected a value after 'tag:' at column 5 but found an empty string
            ""                            | expected a name at column 1 but found an empty string
            foo:bar                       | unknown field 'foo' at column 1 (known: name, tag, os, address)
            tag:web AND detail:x          | unknown field 'detail' at column 13 (known: name, tag, os, address)
            (tag:web OR tag:api))         | unbalanced ')' at column 21
            tag:web )                     | unbalanced ')' at column 9
            (tag:web OR tag:api           | unbalanced '(' at column 1: expected ')' but found end of query at column 20
            tag:"web                      | unterminated quote at column 5
            tag:"web\\"                   | unterminated quote at column 5
            tag:"a\\n"                    | unsupported escape '\\n' at column 7 (inside quotes only \\" and \\\\ are escapes)
            tag:web AND                   | expected a term (such as tag:web) at column 12 but found end of query
            tag:web OR OR tag:api         | expected a term (such as tag:web) at column 12 but found 'OR'
            AND tag:web                   | expected a term (such as tag:web) at column 1 but found 'AND'
            NOT                           | expected a term (such as tag:web) at column 4 but found end of query
            ()                            | expected a term (such as tag:web) at column 2 but found ')'
            tag:web ! os:linux            | expected a term (such as tag:web) at column 9 but found '!'
            tag:web:linux                 | expected a term (such as tag:web) at column 8 but found ':'
            """)
    void an_invalid_query_says_what_was_expected_what_was_found_and_where(String text, String message) {
        InvalidNodeQueryException e = assertThrows(InvalidNodeQueryException.class, () -> NodeQueryParser.parse(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void the_exception_carries_the_column_and_is_an_illegal_argument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NodeQueryParser.parse("tag:web AND foo:x"));
        assertEquals(13, ((InvalidNodeQueryException) e).column());
    }

    @Test
    void a_query_of_a_thousand_characters_is_accepted_and_one_more_is_not() {
        String longest = "name:" + "a".repeat(995);
        assertEquals(new Match(QueryField.NAME, "a".repeat(995)), NodeQueryParser.parse(longest));
        InvalidNodeQueryException e = assertThrows(InvalidNodeQueryException.class,
                () -> NodeQueryParser.parse(longest + "a"));
        assertEquals("query is 1001 characters long; at most 1000 are allowed", e.getMessage());
    }

    @Test
    void thirty_two_levels_of_parentheses_are_accepted_and_thirty_three_are_not() {
        assertEquals(WEB, NodeQueryParser.parse("(".repeat(32) + "tag:web" + ")".repeat(32)));
        InvalidNodeQueryException e = assertThrows(InvalidNodeQueryException.class,
                () -> NodeQueryParser.parse("(".repeat(33) + "tag:web" + ")".repeat(33)));
        assertEquals("nesting deeper than 32 levels at column 33", e.getMessage());
    }

    @Test
    void each_not_counts_as_a_level_of_nesting() {
        NodeQuery expected = WEB;
        for (int i = 0; i < 32; i++) {
            expected = new Not(expected);
        }
        assertEquals(expected, NodeQueryParser.parse("NOT ".repeat(32) + "tag:web"));
        InvalidNodeQueryException e = assertThrows(InvalidNodeQueryException.class,
                () -> NodeQueryParser.parse("-".repeat(33) + "tag:web"));
        assertEquals("nesting deeper than 32 levels at column 33", e.getMessage());
    }

    private static NodeQuery tag(String value) {
        return new Match(QueryField.TAG, value);
    }
}

package io.vantage.inventory.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.inventory.query.NodeQuery.And;
import io.vantage.inventory.query.NodeQuery.Match;
import io.vantage.inventory.query.NodeQuery.MatchAll;
import io.vantage.inventory.query.NodeQuery.Not;
import io.vantage.inventory.query.NodeQuery.Or;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeQueryMatcherTest {

    private static final NodeFacts WEB_1 = new NodeFacts("web-1", Set.of("web"), "linux", Set.of("10.0.0.1"));
    private static final NodeFacts DB_1 = new NodeFacts("db-1", Set.of("db", "staging"), "Linux",
            Set.of("10.0.1.5", "FE80::1"));
    private static final NodeFacts WIN_1 = new NodeFacts("WIN-1", Set.of("Web"), "windows", null);
    private static final NodeFacts BARE = new NodeFacts("mystery", null, null, null);

    @Test
    void match_all_matches_every_node() {
        for (NodeFacts node : List.of(WEB_1, DB_1, WIN_1, BARE)) {
            assertTrue(NodeQueryMatcher.matches(new MatchAll(), node));
        }
    }

    @Test
    void a_term_ignores_letter_case_on_both_sides() {
        assertTrue(NodeQueryMatcher.matches(new Match(QueryField.NAME, "win-1"), WIN_1));
        assertTrue(NodeQueryMatcher.matches(new Match(QueryField.TAG, "WEB"), WIN_1));
        assertTrue(NodeQueryMatcher.matches(new Match(QueryField.OS, "linux"), DB_1));
        assertTrue(NodeQueryMatcher.matches(new Match(QueryField.ADDRESS, "fe80::1"), DB_1));
    }

    @Test
    void a_term_without_wildcards_matches_the_whole_value_only() {
        assertFalse(NodeQueryMatcher.matches(new Match(QueryField.NAME, "web"), WEB_1));
        assertFalse(NodeQueryMatcher.matches(new Match(QueryField.ADDRESS, "10.0.0"), WEB_1));
    }

    @Test
    void a_multi_valued_field_matches_when_any_value_does() {
        assertTrue(NodeQueryMatcher.matches(new Match(QueryField.TAG, "staging"), DB_1));
        assertTrue(NodeQueryMatcher.matches(new Match(QueryField.TAG, "db"), DB_1));
        assertTrue(NodeQueryMatcher.matches(new Match(QueryField.ADDRESS, "10.0.1.*"), DB_1));
    }

    @Test
    void an_unknown_os_matches_no_os_term_not_even_a_lone_star() {
        assertFalse(NodeQueryMatcher.matches(new Match(QueryField.OS, "*"), BARE));
        assertFalse(NodeQueryMatcher.matches(new Match(QueryField.TAG, "*"), BARE));
        assertTrue(NodeQueryMatcher.matches(new Match(QueryField.OS, "*"), WEB_1));
    }

    @Test
    void negating_an_os_term_matches_a_node_whose_os_is_unknown() {
        assertTrue(NodeQueryMatcher.matches(new Not(new Match(QueryField.OS, "linux")), BARE));
        assertFalse(NodeQueryMatcher.matches(new Not(new Match(QueryField.OS, "linux")), WEB_1));
    }

    @Test
    void and_needs_every_operand_and_or_any() {
        NodeQuery web = new Match(QueryField.TAG, "web");
        NodeQuery linux = new Match(QueryField.OS, "linux");
        assertTrue(NodeQueryMatcher.matches(new And(List.of(web, linux)), WEB_1));
        assertFalse(NodeQueryMatcher.matches(new And(List.of(web, linux)), WIN_1));
        assertFalse(NodeQueryMatcher.matches(new And(List.of(web, linux)), DB_1));
        assertTrue(NodeQueryMatcher.matches(new Or(List.of(web, linux)), WIN_1));
        assertTrue(NodeQueryMatcher.matches(new Or(List.of(web, linux)), DB_1));
        assertFalse(NodeQueryMatcher.matches(new Or(List.of(web, linux)), BARE));
    }

    @ParameterizedTest
    @CsvSource({
            "*, '', true",
            "*, anything, true",
            "a*, a, true",
            "*a, ba, true",
            "db-*, db-1, true",
            "db-*, db, false",
            "*-1, web-1, true",
            "*-1, web-12, false",
            "10.0.*, 10.0.3.4, true",
            "10.0.*, 10.1.0.1, false",
            "a*b*c, abc, true",
            "a*b*c, axxbyyc, true",
            "a*b*c, axxbyycd, false",
            "a*b*c, acb, false",
            "*ab, aab, true",
            "db-?, db-1, true",
            "db-?, db-12, false",
            "db-?, db-, false",
            "??, ab, true",
            "x?z*, xyz, true",
            "**, '', true",
            "a\\b, a\\b, true",
    })
    void wildcards_stand_for_any_run_or_exactly_one_character(String pattern, String value, boolean expected) {
        assertEquals(expected, NodeQueryMatcher.wildcardMatches(pattern, value));
    }

    @Test
    void a_question_mark_stands_for_one_code_point_as_in_lucene() {
        assertTrue(NodeQueryMatcher.wildcardMatches("x?", "x\uD835\uDC00"));
    }

    @Test
    void a_star_in_the_value_is_an_ordinary_character() {
        assertFalse(NodeQueryMatcher.wildcardMatches("a", "*"));
        assertTrue(NodeQueryMatcher.wildcardMatches("*", "*"));
    }
}

package io.vantage.inventory.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Queries as operators write them, parsed and evaluated against a small inventory. */
class NodeQueryEndToEndTest {

    private static final Map<String, NodeFacts> INVENTORY = inventory(
            new NodeFacts("web-1", Set.of("web"), "linux", Set.of("10.0.0.1")),
            new NodeFacts("web-2", Set.of("web", "api"), "linux", Set.of("10.0.0.2")),
            new NodeFacts("canary-web", Set.of("web"), "linux", Set.of("10.0.9.9")),
            new NodeFacts("db-1", Set.of("db", "staging"), "linux", Set.of("10.1.0.5")),
            new NodeFacts("win-1", Set.of("web"), "windows", Set.of("192.168.1.20")),
            new NodeFacts("mystery", Set.of(), null, Set.of()));

    @ParameterizedTest(name = "{0} targets [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                         | canary-web db-1 mystery web-1 web-2 win-1
            *                                          | canary-web db-1 mystery web-1 web-2 win-1
            tag:web AND os:linux                       | canary-web web-1 web-2
            tag:web os:linux                           | canary-web web-1 web-2
            name:db-*                                  | db-1
            db-*                                       | db-1
            NOT tag:staging                            | canary-web mystery web-1 web-2 win-1
            -tag:staging                               | canary-web mystery web-1 web-2 win-1
            (tag:web OR tag:api) AND NOT name:canary-* | web-1 web-2 win-1
            address:10.0.*                             | canary-web web-1 web-2
            tag:db OR tag:api AND os:linux             | db-1 web-2
            (tag:db OR tag:api) AND os:windows         | ''
            NOT os:linux                               | mystery win-1
            os:*                                       | canary-web db-1 web-1 web-2 win-1
            NOT os:*                                   | mystery
            TAG:WEB and NOT OS:Windows                 | canary-web web-1 web-2
            web-?                                      | web-1 web-2
            "WIN-1"                                    | win-1
            NOT (tag:web OR tag:db)                    | mystery
            """)
    void a_query_targets_exactly_the_nodes_it_describes(String query, String expectedNames) {
        NodeQuery parsed = NodeQueryParser.parse(query);
        List<String> targeted = INVENTORY.entrySet().stream()
                .filter(e -> NodeQueryMatcher.matches(parsed, e.getValue()))
                .map(Map.Entry::getKey)
                .sorted()
                .collect(Collectors.toList());
        List<String> expected = expectedNames.isEmpty() ? List.of() : Arrays.asList(expectedNames.split(" "));
        assertEquals(expected, targeted);
    }

    private static Map<String, NodeFacts> inventory(NodeFacts... nodes) {
        Map<String, NodeFacts> byName = new LinkedHashMap<>();
        for (NodeFacts node : nodes) {
            byName.put(node.name(), node);
        }
        return byName;
    }
}

package io.vantage.inventory.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which Hibernate Search DSL calls a query turns into. The factory here only records the calls; whether the index
 * answers them as {@link NodeQueryMatcher} does is for the integration tests against the real server.
 */
class NodeQueryPredicatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            *                       | matchAll()
            tag:Web                 | match().field(tags).matching(web)
            name:web-1              | match().field(name).matching(web-1)
            os:linux                | match().field(os).matching(linux)
            address:"fe80::1"       | match().field(addresses).matching(fe80::1)
            name:DB-*               | wildcard().field(name).matching(db-*)
            address:10.0.?.1        | wildcard().field(addresses).matching(10.0.?.1)
            name:"back\\\\slash*"   | wildcard().field(name).matching(back\\\\slash*)
            name:"back\\\\slash"    | match().field(name).matching(back\\slash)
            NOT tag:staging         | bool().must(matchAll()).mustNot(match().field(tags).matching(staging))
            tag:web AND os:linux    | bool().must(match().field(tags).matching(web)).must(match().field(os).matching(linux))
            tag:web OR tag:api      | bool().should(match().field(tags).matching(web)).should(match().field(tags).matching(api))
            (a OR b) -c             | bool().must(bool().should(match().field(name).matching(a)).should(match().field(name).matching(b))).must(bool().must(matchAll()).mustNot(match().field(name).matching(c)))
            """)
    void a_query_becomes_the_predicate_with_the_same_meaning(String query, String expectedCalls) {
        SearchPredicateFactory f = recorder(SearchPredicateFactory.class, "");
        assertEquals(expectedCalls, NodeQueryPredicates.toPredicate(NodeQueryParser.parse(query), f).toString());
    }

    /**
     * A stand-in for any DSL step that writes down the calls made on it. A builder method that returns its own step
     * (bool's must, should...) appends to this step's record; any other returns a new step continuing the record.
     */
    private static <T> T recorder(Class<T> type, String prefix) {
        StringBuilder calls = new StringBuilder(prefix);
        InvocationHandler handler = new InvocationHandler() {
            @Override
            public Object invoke(Object proxy, Method method, Object[] args) {
                switch (method.getName()) {
                    case "toString":
                        return calls.toString();
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    case "equals":
                        return proxy == args[0];
                    default:
                        break;
                }
                String call = (calls.length() == 0 ? "" : ".") + method.getName() + "("
                        + (args == null ? "" : Arrays.stream(args).map(String::valueOf).collect(Collectors.joining(", ")))
                        + ")";
                if (method.getReturnType().isInstance(proxy)) {
                    calls.append(call);
                    return proxy;
                }
                return recorder(method.getReturnType(), calls + call);
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}

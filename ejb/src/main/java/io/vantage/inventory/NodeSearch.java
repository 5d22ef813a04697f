package io.vantage.inventory;

import io.vantage.inventory.query.NodeFacts;
import io.vantage.inventory.query.NodeQuery;
import io.vantage.inventory.query.NodeQueryPredicates;
import io.vantage.persistence.inventory.Node;
import io.vantage.persistence.inventory.NodeIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.search.mapper.orm.Search;

/**
 * Finds an organization's nodes by inventory query, through the Hibernate Search index over nodes. Every search is
 * filtered to the organization; the query itself cannot reach past it.
 */
@ApplicationScoped
public class NodeSearch {

    @PersistenceContext(unitName = "vantage")
    EntityManager em;

    /** The ids of every node of the organization the query selects. */
    public Set<Long> matchingIds(long organizationId, NodeQuery query) {
        List<Long> ids = Search.session(em).search(Node.class)
                .select(f -> f.id(Long.class))
                .where(f -> f.bool()
                        .filter(f.match().field(NodeIndex.ORGANIZATION).matching(organizationId))
                        .must(NodeQueryPredicates.toPredicate(query, f)))
                .fetchAllHits();
        return new HashSet<>(ids);
    }

    /** The nodes the query selects, by name, at most {@code limit}. */
    public List<Node> find(long organizationId, NodeQuery query, int limit) {
        return Search.session(em).search(Node.class)
                .where(f -> f.bool()
                        .filter(f.match().field(NodeIndex.ORGANIZATION).matching(organizationId))
                        .must(NodeQueryPredicates.toPredicate(query, f)))
                .sort(f -> f.field(NodeIndex.NAME))
                .fetchHits(limit);
    }

    /** The facts a query is evaluated on in memory, for one node that has just changed. */
    public static NodeFacts factsOf(Node node) {
        return new NodeFacts(node.getName(), node.getTags(), node.getOs(), node.getAddresses());
    }
}

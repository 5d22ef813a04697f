package io.vantage.inventory;

import io.vantage.infrastructure.cassandra.StorageUnavailableException;
import io.vantage.persistence.inventory.Node;
import io.vantage.persistence.inventory.NodeRepository;
import io.vantage.persistence.metrics.LatestValue;
import io.vantage.persistence.metrics.SampleRepository;
import io.vantage.security.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The caller's nodes with their newest values. Another organization's node is simply not found. */
@Stateless
public class NodeCatalog {

    @Inject
    NodeRepository nodes;

    @Inject
    SampleRepository samples;

    @Inject
    NodeSearch search;

    public List<NodeSummary> list(Caller caller) {
        return nodes.findAll(caller.organizationId()).stream().map(this::summarize).toList();
    }

    /** The caller's nodes an inventory query selects, by name, at most {@code limit}. */
    public List<NodeSummary> search(Caller caller, String query, int limit) {
        io.vantage.monitors.MonitorRules.validateQuery(query);
        return search.find(caller.organizationId(), io.vantage.inventory.query.NodeQueryParser.parse(query), limit)
                .stream().map(this::summarize).toList();
    }

    /**
     * The names of the caller's nodes by id, without their values: for pages that only label nodes (alert lists),
     * which must not read the time-series store once per node each time they redraw.
     */
    public Map<Long, String> names(Caller caller) {
        return nodes.findAll(caller.organizationId()).stream().collect(Collectors.toMap(Node::getId, Node::getName));
    }

    public Optional<NodeSummary> find(Caller caller, long nodeId) {
        return nodes.find(caller.organizationId(), nodeId).map(this::summarize);
    }

    private NodeSummary summarize(Node node) {
        Set<String> tags = new TreeSet<>(node.getTags());
        return new NodeSummary(node.getId(), node.getName(), tags, node.getOs(), new TreeSet<>(node.getAddresses()),
                new java.util.TreeMap<>(node.getDetails()), node.getCreatedAt(), node.getLastSeenAt(),
                latest(node));
    }

    private List<LatestValue> latest(Node node) {
        try {
            return samples.latest(node.getOrganization().getId(), node.getId()).stream()
                    .sorted(Comparator.comparing(LatestValue::metric))
                    .toList();
        } catch (StorageUnavailableException e) {
            // the inventory stays useful while the time-series store is down
            return List.of();
        }
    }
}

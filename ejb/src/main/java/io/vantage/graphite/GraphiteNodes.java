package io.vantage.graphite;

import io.vantage.events.AsyncEvents;
import io.vantage.events.NodeChanged;
import io.vantage.persistence.inventory.Node;
import io.vantage.persistence.inventory.NodeRepository;
import io.vantage.persistence.inventory.Organization;
import io.vantage.persistence.inventory.OrganizationRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * Finds or creates the node a Graphite sender reports, in the organization Graphite input belongs to, and records
 * that it was heard from. Runs in its own transaction: a node created here exists whatever happens to the batch
 * that named it, so the id the caller caches always names a real node.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class GraphiteNodes {

    @Inject
    OrganizationRepository organizations;

    @Inject
    NodeRepository nodes;

    @Inject
    AsyncEvents asyncEvents;

    @Inject
    Clock clock;

    /**
     * The node, created when it is new, with its organization: one lookup of each per call.
     *
     * @throws IllegalStateException when the organization does not exist
     */
    public NodeKey node(String organizationName, String nodeName) {
        Organization organization = organizations.findByName(organizationName).orElseThrow(
                () -> new IllegalStateException("vantage.graphite.organization names no organization: "
                        + organizationName));
        Instant now = clock.instant();
        Node node = nodes.findByName(organization.getId(), nodeName).orElse(null);
        if (node == null) {
            node = nodes.add(new Node(organization, nodeName, now));
            asyncEvents.publishAfterCommit(new NodeChanged(organization.getId(), node.getId()));
        }
        node.seenAt(now);
        return new NodeKey(organization.getId(), node.getId());
    }

    /**
     * Where a Graphite node's samples go.
     *
     * @param organizationId the organization Graphite input belongs to
     * @param nodeId         the node
     */
    public record NodeKey(long organizationId, long nodeId) {
    }
}

package io.vantage.persistence.inventory;

import java.util.List;
import java.util.Optional;

/** The nodes of an organization. Every lookup is scoped to the organization. */
public interface NodeRepository {

    List<Node> findAll(long organizationId);

    Optional<Node> find(long organizationId, long nodeId);

    Optional<Node> findByName(long organizationId, String name);

    Node add(Node node);
}

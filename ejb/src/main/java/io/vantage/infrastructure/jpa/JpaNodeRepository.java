package io.vantage.infrastructure.jpa;

import io.vantage.persistence.inventory.Node;
import io.vantage.persistence.inventory.NodeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Nodes in the relational store. */
@ApplicationScoped
public class JpaNodeRepository implements NodeRepository {

    @PersistenceContext(unitName = "vantage")
    EntityManager em;

    @Override
    public List<Node> findAll(long organizationId) {
        return em.createQuery("select n from Node n where n.organization.id = :org order by n.name", Node.class)
                .setParameter("org", organizationId)
                .getResultList();
    }

    @Override
    public Optional<Node> find(long organizationId, long nodeId) {
        return em.createQuery("select n from Node n where n.organization.id = :org and n.id = :id", Node.class)
                .setParameter("org", organizationId)
                .setParameter("id", nodeId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<Node> findByName(long organizationId, String name) {
        return em.createQuery("select n from Node n where n.organization.id = :org and n.name = :name", Node.class)
                .setParameter("org", organizationId)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Node add(Node node) {
        em.persist(node);
        return node;
    }
}

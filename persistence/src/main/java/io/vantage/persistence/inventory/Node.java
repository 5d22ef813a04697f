package io.vantage.persistence.inventory;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** A monitored server, named as its agent reports it. Samples are stored against the node, not the agent. */
@Entity
@Table(name = "nodes")
public class Node {

    @Id
    @GeneratedValue(generator = "nodes_seq")
    @SequenceGenerator(name = "nodes_seq", sequenceName = "nodes_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id", nullable = false)
    private Organization organization;

    @Column(nullable = false, length = 255)
    private String name;

    @ElementCollection
    @CollectionTable(name = "node_tags", joinColumns = @JoinColumn(name = "node_id"))
    @Column(name = "tag", length = 64, nullable = false)
    private Set<String> tags = new TreeSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_seen_at")
    private Instant lastSeenAt;

    protected Node() {
        // for JPA
    }

    public Node(Organization organization, String name, Instant createdAt) {
        this.organization = organization;
        this.name = name;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Organization getOrganization() {
        return organization;
    }

    public String getName() {
        return name;
    }

    public Set<String> getTags() {
        return Collections.unmodifiableSet(tags);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }

    /** Records that the node's agent was heard from. */
    public void seenAt(Instant when) {
        if (lastSeenAt == null || when.isAfter(lastSeenAt)) {
            lastSeenAt = when;
        }
    }
}

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
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

/**
 * A monitored server, named as its agent reports it. Samples are stored against the node, not the agent. Nodes are
 * indexed for the inventory query language ({@code tag:web AND os:linux}) that monitors and maintenance windows use
 * to pick their nodes; the index field names are {@link NodeIndex}'s.
 */
@Entity
@Table(name = "nodes")
@Indexed(index = "nodes")
public class Node {

    @Id
    @GeneratedValue(generator = "nodes_seq")
    @SequenceGenerator(name = "nodes_seq", sequenceName = "nodes_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id", nullable = false)
    private Organization organization;

    /*
     * The same column again, read-only, so the index can filter by tenant without embedding the organization. Set
     * in the constructor too: a new node is indexed from its fields before anything is read back.
     */
    @Column(name = "organization_id", insertable = false, updatable = false)
    @GenericField(name = NodeIndex.ORGANIZATION)
    private Long organizationId;

    @Column(nullable = false, length = 255)
    @KeywordField(name = NodeIndex.NAME, normalizer = NodeIndex.LOWERCASE, sortable = Sortable.YES)
    private String name;

    @ElementCollection
    @CollectionTable(name = "node_tags", joinColumns = @JoinColumn(name = "node_id"))
    @Column(name = "tag", length = 64, nullable = false)
    @KeywordField(name = NodeIndex.TAGS, normalizer = NodeIndex.LOWERCASE)
    private Set<String> tags = new TreeSet<>();

    @Column(length = 100)
    @KeywordField(name = NodeIndex.OS, normalizer = NodeIndex.LOWERCASE)
    private String os;

    @ElementCollection
    @CollectionTable(name = "node_addresses", joinColumns = @JoinColumn(name = "node_id"))
    @Column(name = "address", length = 100, nullable = false)
    @KeywordField(name = NodeIndex.ADDRESSES, normalizer = NodeIndex.LOWERCASE)
    private Set<String> addresses = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "node_details", joinColumns = @JoinColumn(name = "node_id"))
    @MapKeyColumn(name = "detail_name", length = 64)
    @Column(name = "detail_value", length = 500, nullable = false)
    private Map<String, String> details = new TreeMap<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_seen_at")
    private Instant lastSeenAt;

    protected Node() {
        // for JPA
    }

    public Node(Organization organization, String name, Instant createdAt) {
        this.organization = organization;
        this.organizationId = organization.getId();
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

    /** Replaces the node's tags (already validated by the caller). */
    public void retag(Collection<String> newTags) {
        tags.clear();
        tags.addAll(newTags);
    }

    /** The operating system, as the agent or an operator describes it ({@code linux}, {@code debian-12}); may be null. */
    public String getOs() {
        return os;
    }

    public void setOs(String os) {
        this.os = os;
    }

    /** The addresses the node is reached at (the agent's address, and any an operator adds). */
    public Set<String> getAddresses() {
        return Collections.unmodifiableSet(addresses);
    }

    /** Adds an address; returns whether it was new. */
    public boolean addAddress(String address) {
        return addresses.add(address);
    }

    public void replaceAddresses(Collection<String> newAddresses) {
        addresses.clear();
        addresses.addAll(newAddresses);
    }

    /** Free-form facts about the node (rack, owner, role...), shown in the console and the API. */
    public Map<String, String> getDetails() {
        return Collections.unmodifiableMap(details);
    }

    public void replaceDetails(Map<String, String> newDetails) {
        details.clear();
        details.putAll(newDetails);
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

package io.vantage.persistence.agents;

import io.vantage.persistence.inventory.Node;
import io.vantage.persistence.inventory.Organization;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A registered agent: the public id it says in its hello and a SHA-256 hash of its key. The node it reports is
 * bound the first time it is admitted, by the hostname it gives.
 */
@Entity
@Table(name = "agents")
public class Agent {

    @Id
    @GeneratedValue(generator = "agents_seq")
    @SequenceGenerator(name = "agents_seq", sequenceName = "agents_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id", nullable = false)
    private Organization organization;

    @Column(name = "agent_id", nullable = false, length = 64, unique = true)
    private String agentId;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "key_hash", nullable = false, length = 64)
    private String keyHash;

    @Column(nullable = false)
    private boolean enabled;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "node_id")
    private Node node;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_seen_at")
    private Instant lastSeenAt;

    @Column(name = "last_address", length = 100)
    private String lastAddress;

    @Column(name = "agent_version", length = 50)
    private String agentVersion;

    protected Agent() {
        // for JPA
    }

    public Agent(Organization organization, String agentId, String name, String keyHash, Instant createdAt) {
        this.organization = organization;
        this.agentId = agentId;
        this.name = name;
        this.keyHash = keyHash;
        this.enabled = true;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Organization getOrganization() {
        return organization;
    }

    public String getAgentId() {
        return agentId;
    }

    public String getName() {
        return name;
    }

    public String getKeyHash() {
        return keyHash;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Node getNode() {
        return node;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }

    public String getLastAddress() {
        return lastAddress;
    }

    public String getAgentVersion() {
        return agentVersion;
    }

    /** Binds the agent to the node it reports; an agent reports one node for life. */
    public void reportsFor(Node reported) {
        if (node == null) {
            node = reported;
        }
    }

    /** Records a successful admission. */
    public void admitted(Instant when, String address, String version) {
        lastSeenAt = when;
        lastAddress = address;
        agentVersion = version;
    }

    public void disable() {
        enabled = false;
    }
}

package io.vantage.persistence.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tenant: every other record belongs to exactly one organization, and every query is scoped to one. */
@Entity
@Table(name = "organizations")
public class Organization {

    @Id
    @GeneratedValue(generator = "organizations_seq")
    @SequenceGenerator(name = "organizations_seq", sequenceName = "organizations_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 100, unique = true)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Organization() {
        // for JPA
    }

    public Organization(String name, Instant createdAt) {
        this.name = name;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

package io.vantage.events;

/** A node appeared or its name, tags, OS or addresses changed; monitors that now select it are applied to it. */
public record NodeChanged(long organizationId, long nodeId) implements DomainEvent {
}

package io.vantage.events;

/**
 * Time to run a monitor's remote check against one node. Each run schedules the next one, so exactly one chain of
 * these exists per monitor, node and revision, shared round-robin among the server instances.
 */
public record RemoteCheckDue(long organizationId, long monitorId, long revision, long nodeId) implements DomainEvent {
}

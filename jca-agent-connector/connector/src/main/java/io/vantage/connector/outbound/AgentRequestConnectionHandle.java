package io.vantage.connector.outbound;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.vantage.connector.api.AgentRequestException;
import io.vantage.connector.api.AgentRequestException.Reason;
import io.vantage.connector.api.ProcessList;
import io.vantage.connector.api.ProcessQuery;

/**
 * The handle {@link AgentRequestManagedConnection#getConnection} gives out. It works until closed, or until the
 * container takes its managed connection away (cleanup) or moves it to another one (associateConnection).
 */
final class AgentRequestConnectionHandle implements AgentRequestConnection {

    private volatile AgentRequestManagedConnection managed;

    AgentRequestConnectionHandle(AgentRequestManagedConnection managed) {
        this.managed = managed;
    }

    @Override
    public CompletionStage<ProcessList> processes(String agentId, ProcessQuery query, Duration timeout) {
        AgentRequestManagedConnection current = managed;
        if (current == null) {
            return CompletableFuture.failedFuture(new AgentRequestException(Reason.UNAVAILABLE,
                    "the connection handle is closed"));
        }
        return ProcessRequests.ask(current.agentServer(), agentId, query, timeout);
    }

    @Override
    public void close() {
        AgentRequestManagedConnection current = managed;
        managed = null;
        if (current != null) {
            current.handleClosed(this);
        }
    }

    /** Now served by {@code other}, as the container decided. */
    void moveTo(AgentRequestManagedConnection other) {
        managed = other;
    }

    /** Its managed connection was cleaned up: the handle is dead without telling anyone. */
    void invalidate() {
        managed = null;
    }
}

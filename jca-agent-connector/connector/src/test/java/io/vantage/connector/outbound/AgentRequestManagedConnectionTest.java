package io.vantage.connector.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;

import io.vantage.connector.api.AgentRequestException;
import io.vantage.connector.api.ProcessQuery;
import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;

/** The managed connection keeps the container's contract: handles, close events, cleanup, no transactions. */
class AgentRequestManagedConnectionTest {

    private final AgentRequestsManagedConnectionFactory factory = new AgentRequestsManagedConnectionFactory();
    private final AgentRequestManagedConnection managed =
            (AgentRequestManagedConnection) factory.createManagedConnection(null, null);
    private final List<ConnectionEvent> events = new ArrayList<>();

    @Test
    void closing_a_handle_tells_the_container_which_handle_closed() {
        managed.addConnectionEventListener(recording());
        AgentRequestConnection handle = (AgentRequestConnection) managed.getConnection(null, null);

        handle.close();
        handle.close();

        assertEquals(1, events.size(), "closed once, told once");
        assertEquals(ConnectionEvent.CONNECTION_CLOSED, events.get(0).getId());
        assertSame(handle, events.get(0).getConnectionHandle());
    }

    @Test
    void a_handle_cleaned_up_by_the_container_refuses_to_send() {
        AgentRequestConnection handle = (AgentRequestConnection) managed.getConnection(null, null);

        managed.cleanup();

        ExecutionException failed = assertThrows(ExecutionException.class, () -> handle.processes("agent-1",
                new ProcessQuery(5, ProcessQuery.ProcessSort.CPU), Duration.ofSeconds(1)).toCompletableFuture().get());
        assertEquals(AgentRequestException.Reason.UNAVAILABLE, ((AgentRequestException) failed.getCause()).reason());
    }

    @Test
    void any_managed_connection_of_the_factory_matches_and_none_of_another() {
        AgentRequestsManagedConnectionFactory other = new AgentRequestsManagedConnectionFactory();
        Object foreign = other.createManagedConnection(null, null);

        assertSame(managed, factory.matchManagedConnections(Set.of(foreign, managed), null, null));
        assertEquals(null, factory.matchManagedConnections(Set.of(foreign), null, null));
    }

    @Test
    void requests_take_part_in_no_transaction() {
        assertThrows(NotSupportedException.class, managed::getXAResource);
        assertThrows(NotSupportedException.class, managed::getLocalTransaction);
    }

    private ConnectionEventListener recording() {
        return new ConnectionEventListener() {
            @Override
            public void connectionClosed(ConnectionEvent event) {
                events.add(event);
            }

            @Override
            public void localTransactionStarted(ConnectionEvent event) {
            }

            @Override
            public void localTransactionCommitted(ConnectionEvent event) {
            }

            @Override
            public void localTransactionRolledback(ConnectionEvent event) {
            }

            @Override
            public void connectionErrorOccurred(ConnectionEvent event) {
            }
        };
    }
}

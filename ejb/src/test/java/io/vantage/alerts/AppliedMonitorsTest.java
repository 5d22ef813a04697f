package io.vantage.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vantage.persistence.monitors.Monitor;
import io.vantage.persistence.monitors.MonitorRepository;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AppliedMonitorsTest {

    private final Map<Long, Integer> reads = new HashMap<>();
    private final List<Synchronization> registered = new ArrayList<>();
    private Runnable duringRead = () -> { };
    private AppliedMonitors applied;

    @BeforeEach
    void wire() {
        applied = new AppliedMonitors();
        applied.monitors = (MonitorRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MonitorRepository.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("appliedTo")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    reads.merge((Long) args[0], 1, Integer::sum);
                    duringRead.run();
                    return new ArrayList<Monitor>();
                });
        applied.transactions = (TransactionSynchronizationRegistry) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {TransactionSynchronizationRegistry.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("registerInterposedSynchronization")) {
                        registered.add((Synchronization) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void a_nodes_monitors_are_read_once_and_then_served_from_memory() {
        List<Monitor> first = applied.of(7);
        List<Monitor> second = applied.of(7);

        assertSame(first, second);
        assertEquals(1, reads.get(7L));
    }

    @Test
    void a_change_of_monitors_is_read_again_once_its_transaction_has_ended() {
        applied.of(7);
        applied.of(8);
        applied.changing(null);
        applied.of(7); // read during the change: may be the old state, so it must not be kept
        commit();
        applied.of(7);
        applied.of(8);

        assertEquals(3, reads.get(7L));
        assertEquals(2, reads.get(8L));
    }

    @Test
    void a_change_of_one_nodes_targets_leaves_the_other_nodes_known() {
        applied.of(7);
        applied.of(8);
        applied.changing(7L);
        commit();
        applied.of(7);
        applied.of(8);

        assertEquals(2, reads.get(7L));
        assertEquals(1, reads.get(8L));
    }

    @Test
    void a_read_overtaken_by_a_change_is_not_kept() {
        duringRead = () -> {
            duringRead = () -> { };
            applied.changing(7L);
            commit();
        };
        applied.of(7);
        applied.of(7);

        assertEquals(2, reads.get(7L));
    }

    private void commit() {
        List<Synchronization> ending = new ArrayList<>(registered);
        registered.clear();
        ending.forEach(s -> s.afterCompletion(Status.STATUS_COMMITTED));
    }
}

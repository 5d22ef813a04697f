package io.vantage.connector.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/**
 * A call handed off gets exactly one outcome, whichever way its executor runs it, refuses it, or both, and in
 * whatever order; the selector is played by running its tasks at once.
 */
class HandoffTest {

    private final List<String> outcomes = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicReference<RefusableTask> taken = new AtomicReference<>();
    private final Connection connection = new Connection();

    @Test
    void a_call_its_executor_runs_is_answered_with_what_the_application_said() {
        handoff(Runnable::run).call(connection, this::stored, Throwable::getMessage, outcomes::add);

        assertEquals(List.of("stored"), outcomes);
    }

    @Test
    void a_refusal_that_comes_after_the_call_ran_is_ignored() {
        handoff(this::take).call(connection, this::stored, Throwable::getMessage, outcomes::add);
        taken.get().run();
        taken.get().refused(new RejectedExecutionException("finished the call without running it"));

        assertEquals(List.of("stored"), outcomes);
    }

    @Test
    void a_call_refused_before_it_runs_is_answered_once_and_never_reaches_the_application() {
        handoff(this::take).call(connection, this::stored, Throwable::getMessage, outcomes::add);
        taken.get().refused(new RejectedExecutionException("start timed out"));
        taken.get().refused(new RejectedExecutionException("told again"));
        taken.get().run();

        assertEquals(List.of("start timed out"), outcomes);
        assertEquals(0, calls.get());
    }

    @Test
    void an_executor_that_refuses_both_through_the_task_and_by_throwing_gives_one_outcome() {
        Handoff<Connection> handoff = handoff(task -> {
            ((RefusableTask) task).refused(new RejectedExecutionException("told"));
            throw new RejectedExecutionException("thrown");
        });
        handoff.call(connection, this::stored, Throwable::getMessage, outcomes::add);

        assertEquals(List.of("told"), outcomes);
        assertEquals(0, calls.get());
    }

    @Test
    void a_call_that_ends_in_an_error_is_answered_with_the_failed_outcome_and_the_error_still_reaches_the_executor() {
        Handoff<Connection> handoff = handoff(this::take);
        handoff.call(connection, () -> {
            throw new AssertionError("out of the application");
        }, Throwable::getMessage, outcomes::add);

        assertThrows(AssertionError.class, () -> taken.get().run());
        taken.get().refused(new RejectedExecutionException("the WorkManager saw the Work fail"));

        assertEquals(List.of("out of the application"), outcomes);
    }

    @Test
    void a_run_and_a_refusal_racing_on_two_threads_give_one_outcome_every_time() throws Exception {
        for (int round = 0; round < 2_000; round++) {
            outcomes.clear();
            handoff(this::take).call(connection, this::stored, Throwable::getMessage, outcomes::add);
            RefusableTask task = taken.get();
            CountDownLatch go = new CountDownLatch(1);
            Thread refuser = new Thread(() -> {
                await(go);
                task.refused(new RejectedExecutionException("refused"));
            });
            refuser.start();
            go.countDown();
            task.run();
            refuser.join();

            assertEquals(1, outcomes.size(), () -> "round outcomes " + outcomes);
        }
    }

    /** An executor that keeps the task for the test to run or refuse. */
    private void take(Runnable task) {
        taken.set((RefusableTask) task);
    }

    private String stored() {
        calls.incrementAndGet();
        return "stored";
    }

    private Handoff<Connection> handoff(Executor executor) {
        return new Handoff<>(executor, (on, task) -> task.run());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A connection that is always open; the handoff only passes it to the selector. */
    private static final class Connection implements NioConnection {

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public String remoteAddress() {
            return "test";
        }

        @Override
        public void onReady(ByteBuffer buffer) {
        }

        @Override
        public void tick(long now) {
        }

        @Override
        public void closeNow(String why) {
        }

        @Override
        public long heldOnStop() {
            return 0;
        }
    }
}

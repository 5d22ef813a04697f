package io.vantage.connector.fuzz;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes sockets that outlive their deadline. Read timeouts cannot interrupt a blocked write; closing the socket
 * from another thread can, so no hostile connection can hang the test, and the one that would have is reported.
 */
public final class Watchdog implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "fuzz-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    /** Closes {@code socket} after {@code deadline} unless the guard is closed first. */
    public Guard guard(Socket socket, Duration deadline) {
        AtomicBoolean fired = new AtomicBoolean();
        ScheduledFuture<?> alarm = timer.schedule(() -> {
            fired.set(true);
            try {
                socket.close();
            } catch (IOException e) {
                // it is being closed anyway; the flag tells the story
            }
        }, deadline.toMillis(), TimeUnit.MILLISECONDS);
        return new Guard(alarm, fired);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One socket's deadline; {@link #fired()} tells whether the watchdog had to close it. */
    public static final class Guard implements AutoCloseable {

        private final ScheduledFuture<?> alarm;
        private final AtomicBoolean fired;

        private Guard(ScheduledFuture<?> alarm, AtomicBoolean fired) {
            this.alarm = alarm;
            this.fired = fired;
        }

        public boolean fired() {
            return fired.get();
        }

        @Override
        public void close() {
            alarm.cancel(false);
        }
    }
}

package io.vantage.agent.check;

import io.vantage.agent.collect.Collector;
import io.vantage.agent.log.AgentLog;
import io.vantage.protocol.CheckRun;
import io.vantage.protocol.Sample;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Runs the external checks of the checks directory and hands their results to the agent's batches: samples, and the
 * run with its status text beside them. At each tick it re-reads the directory if it changed, starts the checks that
 * are due on a small pool, and adds the results that finished since the previous tick; so the collecting and sending
 * thread never waits for a check. Samples carry the time their check finished, not the tick's.
 */
public final class ChecksCollector implements Collector, AutoCloseable {

    /** Enough for a handful of slow checks at once without a burst of plugins loading the machine being watched. */
    static final int MAX_CONCURRENT = 4;

    private final CheckDirectory directory;
    private final Function<CheckDefinition, CheckResult> runner;
    private final Executor executor;
    private final LongSupplier nanoClock;
    private final Runnable onClose;
    private Map<String, Scheduled> checks = Map.of();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Queue<Finished> finished = new ConcurrentLinkedQueue<>();
    private final Map<String, CheckResult> lastResults = new ConcurrentHashMap<>();

    ChecksCollector(CheckDirectory directory, Function<CheckDefinition, CheckResult> runner, Executor executor,
                    LongSupplier nanoClock, Runnable onClose) {
        this.directory = directory;
        this.runner = runner;
        this.executor = executor;
        this.nanoClock = nanoClock;
        this.onClose = onClose;
    }

    /** Checks from {@code directory}, run on a pool of {@value #MAX_CONCURRENT} daemon threads. */
    public static ChecksCollector open(Path directory) {
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_CONCURRENT, MAX_CONCURRENT, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "vantage-check-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true); // checks run every minute or so: no reason to keep idle threads
        CheckRunner runner = new CheckRunner(System::currentTimeMillis);
        return new ChecksCollector(new CheckDirectory(directory), runner::run, pool, System::nanoTime,
                () -> stop(pool));
    }

    /** Interrupts the runs, whose runners then kill their plugins, and gives them a moment to do so. */
    private static void stop(ThreadPoolExecutor pool) {
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String name() {
        return "checks";
    }

    /** Samples only; the runs with their status texts come from {@link #collect(long, List, List)}. */
    @Override
    public void collect(long timestampMillis, List<Sample> into) {
        collect(timestampMillis, into, new ArrayList<>(0));
    }

    @Override
    public void collect(long timestampMillis, List<Sample> into, List<CheckRun> checksInto) {
        long now = nanoClock.getAsLong();
        List<CheckDefinition> changed = directory.refresh();
        if (changed != null) {
            reload(changed, now);
        }
        for (Scheduled check : checks.values()) {
            if (now - check.nextDue >= 0) {
                long next = check.nextDue + check.definition.interval().toNanos();
                check.nextDue = now - next >= 0 ? now + check.definition.interval().toNanos() : next; // no catching up
                start(check.definition);
            }
        }
        // a batch carries at most so many runs; the rest wait in the queue for the next tick, their samples with them
        int taken = 0;
        for (Finished done = taken < CheckRun.MAX_PER_BATCH ? finished.poll() : null; done != null;
             done = taken < CheckRun.MAX_PER_BATCH ? finished.poll() : null) {
            Scheduled current = checks.get(done.definition.name());
            if (current != null && current.definition.equals(done.definition)) {
                record(done.definition.name(), done.result, into, checksInto);
                taken++;
            }
        }
    }

    /** The last result of every check that has finished at least once, by check name. */
    public Map<String, CheckResult> lastResults() {
        return Map.copyOf(lastResults);
    }

    /** Stops the pool; running checks are killed. */
    @Override
    public void close() {
        onClose.run();
    }

    private void reload(List<CheckDefinition> definitions, long now) {
        Map<String, Scheduled> next = new HashMap<>();
        for (CheckDefinition definition : definitions) {
            Scheduled kept = checks.get(definition.name());
            // an unchanged check keeps its schedule, so editing one file does not rerun every check at once
            next.put(definition.name(), kept != null && kept.definition.equals(definition) ? kept
                    : new Scheduled(definition, now));
        }
        lastResults.keySet().retainAll(next.keySet());
        checks = next;
    }

    private void start(CheckDefinition definition) {
        if (!running.add(definition.name())) {
            return; // the previous run is still going: skip this one rather than queue runs behind it
        }
        try {
            executor.execute(() -> {
                try {
                    finished.add(new Finished(definition, runner.apply(definition)));
                } finally {
                    running.remove(definition.name());
                }
            });
        } catch (RejectedExecutionException e) {
            running.remove(definition.name()); // closed: the agent is stopping
        }
    }

    private void record(String name, CheckResult result, List<Sample> into, List<CheckRun> checksInto) {
        CheckResult previous = lastResults.put(name, result);
        if (previous == null || previous.status() != result.status()) {
            AgentLog.checkStateChanged(name, result.status().name(), result.text());
        }
        CheckSamples.add(name, result, into);
        checksInto.add(CheckSamples.run(name, result));
    }

    /** A check and when it is next due, on the nano clock. */
    private static final class Scheduled {
        final CheckDefinition definition;
        long nextDue;

        Scheduled(CheckDefinition definition, long nextDue) {
            this.definition = definition;
            this.nextDue = nextDue;
        }
    }

    private record Finished(CheckDefinition definition, CheckResult result) {
    }
}

package io.vantage.agent.collect;

import io.vantage.agent.log.AgentLog;
import io.vantage.protocol.MetricNames;
import io.vantage.protocol.Sample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs every collector once per tick and gathers what they return. One failing collector costs only its own
 * metrics, and is logged when it starts and stops failing rather than at every tick.
 */
public final class CollectorSet {

    private final List<Collector> collectors;
    private final Set<String> failing = new HashSet<>();

    public CollectorSet(List<Collector> collectors) {
        this.collectors = List.copyOf(collectors);
    }

    /** CPU, memory, swap and load from the files under {@code procRoot}, normally {@code /proc}. */
    public static CollectorSet standard(Path procRoot) {
        return new CollectorSet(List.of(
                new CpuCollector(procRoot.resolve("stat")),
                new MemoryCollector(procRoot.resolve("meminfo")),
                new LoadCollector(procRoot.resolve("loadavg"))));
    }

    /** The samples of one tick, possibly none; only valid names and finite values. */
    public List<Sample> collect(long timestampMillis) {
        List<Sample> samples = new ArrayList<>(24);
        for (Collector collector : collectors) {
            int before = samples.size();
            try {
                collector.collect(timestampMillis, samples);
                if (failing.remove(collector.name())) {
                    AgentLog.collectorRecovered(collector.name());
                }
            } catch (Exception e) {
                samples.subList(before, samples.size()).clear();
                if (failing.add(collector.name())) {
                    AgentLog.collectorFailing(collector.name(), String.valueOf(e));
                }
            }
        }
        // the server cannot decode a non-finite value and closes the connection, so a spooled batch holding one
        // would be resent and refused for ever; a bad name gets the whole batch rejected
        samples.removeIf(sample -> {
            boolean bad = !MetricNames.isValid(sample.metric()) || !Double.isFinite(sample.value());
            if (bad) {
                AgentLog.sampleDiscarded(sample.metric(), sample.value());
            }
            return bad;
        });
        return samples;
    }
}

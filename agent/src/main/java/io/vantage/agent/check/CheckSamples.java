package io.vantage.agent.check;

import io.vantage.agent.collect.DeviceNames;
import io.vantage.protocol.CheckRun;
import io.vantage.protocol.Sample;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a check's result into samples: {@code check.<name>.status}, {@code check.<name>.duration_seconds}, and per
 * performance data item {@code check.<name>.<label>} with {@code .warn}, {@code .crit}, {@code .min}, {@code .max}
 * when those are plain numbers. Every sample carries the time the run finished. The status text travels beside them
 * as the batch's {@link CheckRun}.
 */
final class CheckSamples {

    static final String STATUS = "status";
    static final String DURATION = "duration_seconds";

    private CheckSamples() {
    }

    /** Adds the samples of {@code result}, a result of the check named {@code name}, to {@code into}. */
    static void add(String name, CheckResult result, List<Sample> into) {
        String stem = "check." + name + ".";
        long time = result.finishedMillis();
        into.add(new Sample(stem + STATUS, time, result.status().code()));
        into.add(new Sample(stem + DURATION, time, result.durationSeconds()));
        // the agent's own two metrics win over a label of the same name, and the first of two labels that sanitise
        // alike wins over the second, so no metric gets two values at one time
        Set<String> used = new HashSet<>(List.of(STATUS, DURATION));
        for (PerfValue value : result.perfData()) {
            String label = DeviceNames.segment(value.label());
            if (!used.add(label)) {
                continue;
            }
            String metric = stem + label;
            into.add(new Sample(metric, time, value.value()));
            addIfSet(into, metric + ".warn", time, value.warn());
            addIfSet(into, metric + ".crit", time, value.crit());
            addIfSet(into, metric + ".min", time, value.min());
            addIfSet(into, metric + ".max", time, value.max());
        }
    }

    /**
     * The run {@code result} was, as the batch carries it beside the samples: the status text bounded as the protocol
     * requires (1 KiB, cut with a marker) and the duration in whole milliseconds.
     */
    static CheckRun run(String name, CheckResult result) {
        long millis = Math.max(0, Math.min(0xFFFF_FFFFL, Math.round(result.durationSeconds() * 1000)));
        return new CheckRun(name, result.status().code(), CheckRun.boundedText(result.text()), result.finishedMillis(),
                millis);
    }

    private static void addIfSet(List<Sample> into, String metric, long time, Double value) {
        if (value != null) {
            into.add(new Sample(metric, time, value));
        }
    }
}

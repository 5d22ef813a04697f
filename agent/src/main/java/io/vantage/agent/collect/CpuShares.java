package io.vantage.agent.collect;

import io.vantage.protocol.Sample;
import java.util.List;

/**
 * Turns the CPU ticks spent between two readings into the six percentages the agent reports, for the whole machine
 * and for each core alike. The parts add up to 100: user counts nice time too and system counts interrupt time too.
 */
final class CpuShares {

    /** The order of the names handed to {@link #add}. */
    static final String[] KINDS = {"user", "system", "iowait", "steal", "idle", "total"};

    private CpuShares() {
    }

    /**
     * Adds the percentages, or nothing when no tick passed: two readings within one clock tick say nothing.
     *
     * @param names the metric names in the order of {@link #KINDS}
     */
    static void add(CpuTimes spent, String[] names, long timestampMillis, List<Sample> into) {
        double total = spent.total();
        if (total <= 0) {
            return;
        }
        double idle = percent(spent.idle(), total);
        into.add(new Sample(names[0], timestampMillis, percent(spent.user() + spent.nice(), total)));
        into.add(new Sample(names[1], timestampMillis, percent(spent.system() + spent.irq() + spent.softirq(), total)));
        into.add(new Sample(names[2], timestampMillis, percent(spent.iowait(), total)));
        into.add(new Sample(names[3], timestampMillis, percent(spent.steal(), total)));
        into.add(new Sample(names[4], timestampMillis, idle));
        // everything but idle, so iowait and steal count as busy
        into.add(new Sample(names[5], timestampMillis, 100.0 - idle));
    }

    private static double percent(long part, double total) {
        return part * 100.0 / total;
    }
}

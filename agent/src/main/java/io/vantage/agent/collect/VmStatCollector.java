package io.vantage.agent.collect;

import io.vantage.protocol.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Swapping and paging per second since the previous tick, from /proc/vmstat: {@code swap.in_pages_per_s},
 * {@code swap.out_pages_per_s}, {@code paging.in_bytes_per_s}, {@code paging.out_bytes_per_s} and
 * {@code paging.major_faults_per_s}. Steady swapping and many major faults mean memory is short even when
 * {@code mem.used_percent} looks fine.
 */
public final class VmStatCollector implements Collector {

    /** The counters read, in the order of {@link #NAMES}. */
    private static final String[] KEYS = {"pswpin", "pswpout", "pgpgin", "pgpgout", "pgmajfault"};
    private static final String[] NAMES = {"swap.in_pages_per_s", "swap.out_pages_per_s", "paging.in_bytes_per_s",
            "paging.out_bytes_per_s", "paging.major_faults_per_s"};
    /** pgpgin and pgpgout count KiB; the others count pages or faults. */
    private static final double[] FACTORS = {1, 1, 1024, 1024, 1};

    private final Path vmstat;
    private final LongSupplier nanoClock;
    private long[] previous;
    private long previousNanos;

    /**
     * @param vmstat    the /proc/vmstat file
     * @param nanoClock a monotonic clock in nanoseconds, {@link System#nanoTime()} outside tests
     */
    public VmStatCollector(Path vmstat, LongSupplier nanoClock) {
        this.vmstat = vmstat;
        this.nanoClock = nanoClock;
    }

    @Override
    public String name() {
        return "vmstat";
    }

    @Override
    public void collect(long timestampMillis, List<Sample> into) throws IOException {
        long[] current = new long[KEYS.length];
        Arrays.fill(current, -1); // -1: not in this kernel's vmstat
        ProcFiles.forEachLine(vmstat, line -> {
            // about 150 lines of "name value"; only five are wanted, all starting with "p"
            if (line.startsWith("p")) {
                int blank = line.indexOf(' ');
                int key = blank > 0 ? indexOf(line.substring(0, blank)) : -1;
                if (key >= 0) {
                    current[key] = ProcFiles.parseLong(line.substring(blank + 1).trim(), vmstat);
                }
            }
        });
        long now = nanoClock.getAsLong();
        double seconds = Rates.seconds(now, previousNanos);
        if (previous != null && seconds > 0) {
            for (int i = 0; i < KEYS.length; i++) {
                if (current[i] >= 0 && previous[i] >= 0) {
                    Rates.add(into, NAMES[i], timestampMillis, current[i], previous[i], seconds, FACTORS[i]);
                }
            }
        }
        previous = current;
        previousNanos = now;
    }

    private static int indexOf(String key) {
        for (int i = 0; i < KEYS.length; i++) {
            if (KEYS[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }
}

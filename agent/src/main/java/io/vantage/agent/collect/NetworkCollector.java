package io.vantage.agent.collect;

import io.vantage.protocol.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Traffic of each network interface but loopback, per second since the previous tick, from /proc/net/dev:
 * {@code net.<if>.rx_bytes_per_s}, {@code tx_bytes_per_s}, and likewise packets, errors and drops.
 */
public final class NetworkCollector implements Collector {

    /** The columns after the interface name that are reported, in the order of {@link #names}. */
    private static final int[] COLUMNS = {0, 8, 1, 9, 2, 10, 3, 11};

    private final Path netDev;
    private final LongSupplier nanoClock;
    private final DeviceNames names = new DeviceNames("net.", "rx_bytes_per_s", "tx_bytes_per_s",
            "rx_packets_per_s", "tx_packets_per_s", "rx_errors_per_s", "tx_errors_per_s", "rx_dropped_per_s",
            "tx_dropped_per_s");
    private Map<String, long[]> previous = new HashMap<>();
    private long previousNanos;

    /**
     * @param netDev    the /proc/net/dev file
     * @param nanoClock a monotonic clock in nanoseconds, {@link System#nanoTime()} outside tests
     */
    public NetworkCollector(Path netDev, LongSupplier nanoClock) {
        this.netDev = netDev;
        this.nanoClock = nanoClock;
    }

    @Override
    public String name() {
        return "network";
    }

    @Override
    public void collect(long timestampMillis, List<Sample> into) throws IOException {
        Map<String, long[]> current = new HashMap<>(previous.size() * 2 + 2);
        ProcFiles.forEachLine(netDev, line -> read(line, current));
        long now = nanoClock.getAsLong();
        double seconds = Rates.seconds(now, previousNanos);
        if (seconds > 0) {
            for (Map.Entry<String, long[]> device : current.entrySet()) {
                long[] before = previous.get(device.getKey());
                if (before == null) {
                    continue;
                }
                String[] metric = names.of(device.getKey());
                long[] counters = device.getValue();
                for (int i = 0; i < COLUMNS.length; i++) {
                    Rates.add(into, metric[i], timestampMillis, counters[i], before[i], seconds, 1);
                }
            }
        }
        previous = current;
        previousNanos = now;
    }

    /**
     * Keeps the counters of one line, for example {@code   eth0: 1234 12 0 0 0 0 0 0 5678 34 0 0 0 0 0 0}: eight
     * receive columns (bytes, packets, errs, drop, fifo, frame, compressed, multicast), then eight transmit ones.
     * The two header lines hold no colon. Old kernels print no blank after the colon, so the name ends at the colon,
     * which an interface name cannot contain.
     */
    private void read(String line, Map<String, long[]> into) throws IOException {
        int colon = line.indexOf(':');
        if (colon < 0) {
            return;
        }
        String device = line.substring(0, colon).trim();
        if (device.equals("lo")) {
            return;
        }
        String[] fields = ProcFiles.fields(line.substring(colon + 1));
        if (fields.length < 16) {
            throw new IOException(netDev + ": fewer than 16 counters for " + device);
        }
        long[] counters = new long[COLUMNS.length];
        for (int i = 0; i < COLUMNS.length; i++) {
            counters[i] = ProcFiles.parseLong(fields[COLUMNS[i]], netDev);
        }
        into.put(device, counters);
    }
}

package io.vantage.agent.collect;

import io.vantage.protocol.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * I/O of each block device, whole disks and partitions alike, per second since the previous tick, from
 * /proc/diskstats: {@code disk.<dev>.read_bytes_per_s}, {@code write_bytes_per_s}, {@code reads_per_s},
 * {@code writes_per_s} and {@code io_time_percent}, the share of the time the device was busy. Loop, RAM and zram
 * devices are left out, and so is every device that has never done any I/O (empty CD drives, unused slots).
 */
public final class DiskCollector implements Collector {

    /** The kernel counts sectors of 512 bytes in diskstats, whatever the device's own sector size. */
    private static final double SECTOR_BYTES = 512;
    private static final int READS = 0;
    private static final int SECTORS_READ = 1;
    private static final int WRITES = 2;
    private static final int SECTORS_WRITTEN = 3;
    private static final int IO_MILLIS = 4;

    private final Path diskstats;
    private final LongSupplier nanoClock;
    private final DeviceNames names = new DeviceNames("disk.", "read_bytes_per_s", "write_bytes_per_s",
            "reads_per_s", "writes_per_s", "io_time_percent");
    private Map<String, long[]> previous = new HashMap<>();
    private long previousNanos;

    /**
     * @param diskstats the /proc/diskstats file
     * @param nanoClock a monotonic clock in nanoseconds, {@link System#nanoTime()} outside tests
     */
    public DiskCollector(Path diskstats, LongSupplier nanoClock) {
        this.diskstats = diskstats;
        this.nanoClock = nanoClock;
    }

    @Override
    public String name() {
        return "disk";
    }

    @Override
    public void collect(long timestampMillis, List<Sample> into) throws IOException {
        Map<String, long[]> current = new HashMap<>(previous.size() * 2 + 2);
        ProcFiles.forEachLine(diskstats, line -> read(line, current));
        long now = nanoClock.getAsLong();
        double seconds = Rates.seconds(now, previousNanos);
        if (seconds > 0) {
            for (Map.Entry<String, long[]> device : current.entrySet()) {
                long[] before = previous.get(device.getKey());
                if (before != null) {
                    add(names.of(device.getKey()), device.getValue(), before, seconds, timestampMillis, into);
                }
            }
        }
        previous = current;
        previousNanos = now;
    }

    /**
     * Keeps the counters of one line, for example {@code 8 0 sda 4205 1520 337466 2360 5186 4331 247248 9133 0 7124
     * 11493}: reads, reads merged, sectors read, ms reading, writes, writes merged, sectors written, ms writing, I/Os
     * in flight, ms doing I/O, weighted ms; kernels from 4.18 and 5.5 append discard and flush columns.
     */
    private void read(String line, Map<String, long[]> into) throws IOException {
        String[] fields = ProcFiles.fields(line);
        if (fields.length < 14 || ignored(fields[2])) {
            return; // kernels before 2.6.25 gave partitions four counters only; those are not reported
        }
        long[] counters = {
                ProcFiles.parseLong(fields[3], diskstats), ProcFiles.parseLong(fields[5], diskstats),
                ProcFiles.parseLong(fields[7], diskstats), ProcFiles.parseLong(fields[9], diskstats),
                ProcFiles.parseLong(fields[12], diskstats)};
        if (counters[READS] != 0 || counters[WRITES] != 0) {
            into.put(fields[2], counters);
        }
    }

    private static boolean ignored(String device) {
        return device.startsWith("loop") || device.startsWith("ram") || device.startsWith("zram");
    }

    private static void add(String[] names, long[] now, long[] before, double seconds, long timestampMillis,
                            List<Sample> into) {
        Rates.add(into, names[0], timestampMillis, now[SECTORS_READ], before[SECTORS_READ], seconds, SECTOR_BYTES);
        Rates.add(into, names[1], timestampMillis, now[SECTORS_WRITTEN], before[SECTORS_WRITTEN], seconds,
                SECTOR_BYTES);
        Rates.add(into, names[2], timestampMillis, now[READS], before[READS], seconds, 1);
        Rates.add(into, names[3], timestampMillis, now[WRITES], before[WRITES], seconds, 1);
        long busyMillis = now[IO_MILLIS] - before[IO_MILLIS];
        if (busyMillis >= 0) {
            // the kernel's accounting can run a little past the wall time; a device cannot be more than fully busy
            into.add(new Sample(names[4], timestampMillis, Math.min(100.0, busyMillis / (seconds * 10))));
        }
    }
}

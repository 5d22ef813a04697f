package io.vantage.agent.collect;

import io.vantage.protocol.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Memory and swap use from /proc/meminfo, in bytes and percent. "Used" memory is what is not available to new work
 * (total minus MemAvailable), so page cache the kernel can reclaim does not count as used.
 */
public final class MemoryCollector implements Collector {

    public static final String MEM_TOTAL = "mem.total_bytes";
    public static final String MEM_USED = "mem.used_bytes";
    public static final String MEM_AVAILABLE = "mem.available_bytes";
    public static final String MEM_USED_PERCENT = "mem.used_percent";
    public static final String SWAP_TOTAL = "swap.total_bytes";
    public static final String SWAP_USED = "swap.used_bytes";
    public static final String SWAP_USED_PERCENT = "swap.used_percent";

    private final Path meminfo;

    /** @param meminfo the /proc/meminfo file */
    public MemoryCollector(Path meminfo) {
        this.meminfo = meminfo;
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public void collect(long timestampMillis, List<Sample> into) throws IOException {
        MemInfo info = read();
        if (info.memTotal <= 0) {
            throw new IOException(meminfo + " has no MemTotal");
        }
        long available = info.memAvailable >= 0 ? info.memAvailable
                // kernels before 3.14 lack MemAvailable; free plus caches is the usual estimate
                : info.memFree + info.buffers + info.cached;
        available = Math.min(available, info.memTotal);
        long used = info.memTotal - available;
        into.add(new Sample(MEM_TOTAL, timestampMillis, info.memTotal));
        into.add(new Sample(MEM_USED, timestampMillis, used));
        into.add(new Sample(MEM_AVAILABLE, timestampMillis, available));
        into.add(new Sample(MEM_USED_PERCENT, timestampMillis, used * 100.0 / info.memTotal));

        long swapUsed = Math.max(0, info.swapTotal - info.swapFree);
        into.add(new Sample(SWAP_TOTAL, timestampMillis, info.swapTotal));
        into.add(new Sample(SWAP_USED, timestampMillis, swapUsed));
        into.add(new Sample(SWAP_USED_PERCENT, timestampMillis,
                info.swapTotal > 0 ? swapUsed * 100.0 / info.swapTotal : 0.0));
    }

    private MemInfo read() throws IOException {
        MemInfo info = new MemInfo();
        ProcFiles.forEachLine(meminfo, line -> {
            int colon = line.indexOf(':');
            if (colon > 0) {
                info.accept(line.substring(0, colon), line.substring(colon + 1), meminfo);
            }
        });
        return info;
    }

    /** The lines of /proc/meminfo this collector uses, in bytes; -1 when absent. */
    private static final class MemInfo {
        long memTotal = -1;
        long memFree;
        long memAvailable = -1;
        long buffers;
        long cached;
        long swapTotal;
        long swapFree;

        void accept(String key, String rest, Path file) throws IOException {
            switch (key) {
                case "MemTotal" -> memTotal = bytes(rest, file);
                case "MemFree" -> memFree = bytes(rest, file);
                case "MemAvailable" -> memAvailable = bytes(rest, file);
                case "Buffers" -> buffers = bytes(rest, file);
                case "Cached" -> cached = bytes(rest, file);
                case "SwapTotal" -> swapTotal = bytes(rest, file);
                case "SwapFree" -> swapFree = bytes(rest, file);
                default -> {
                    // the many other lines are not needed
                }
            }
        }

        /** Values read like {@code 16318412 kB}; the kernel's kB are kibibytes. */
        private static long bytes(String rest, Path file) throws IOException {
            String[] fields = ProcFiles.fields(rest);
            long value = ProcFiles.parseLong(fields[0], file);
            return fields.length > 1 && "kB".equals(fields[1]) ? value * 1024 : value;
        }
    }
}

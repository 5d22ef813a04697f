package io.vantage.agent.collect;

import io.vantage.agent.log.AgentLog;
import io.vantage.protocol.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Size and use of each mounted disk or network filesystem (see {@link MountTable} for which), from
 * /proc/self/mounts and statfs: {@code fs.<mount>.total_bytes}, {@code used_bytes}, {@code available_bytes} and
 * {@code used_percent}, with the mount point named as {@link Mount#segment()} says. Every few ticks also the inode
 * counts {@code inodes_total}, {@code inodes_used}, {@code inodes_free} and {@code inodes_used_percent}, from
 * {@code df} (see {@link DfInodeReader}), for the filesystems whose sizes were just read.
 */
public final class FilesystemCollector implements Collector {

    /** Long enough for a healthy file server, short enough not to hold up a tick of one second for long. */
    private static final long REMOTE_TIMEOUT_MILLIS = 1000;

    private final MountTable mounts;
    private final Space.Reader local;
    private final Space.Reader remote;
    private final Inodes.Reader inodes;
    private final int inodeEveryTicks;
    private final DeviceNames names = new DeviceNames("fs.", "total_bytes", "used_bytes", "available_bytes",
            "used_percent", "inodes_total", "inodes_used", "inodes_free", "inodes_used_percent");
    /** Mount points that failed at the previous tick, so a failure is logged when it starts and when it ends. */
    private Set<String> failing = new HashSet<>();
    /** Ticks to go before the next inode count; 0 means this tick. */
    private int ticksToInodes;
    private boolean inodesFailing;

    /**
     * @param mounts          the /proc/self/mounts file
     * @param inodeEveryTicks count inodes at the first tick and then every this many ticks; 0 for never
     */
    public FilesystemCollector(Path mounts, int inodeEveryTicks) {
        this(mounts, new DfInodeReader(), inodeEveryTicks);
    }

    /** @param inodes inode counts, asked for at the first tick and then every {@code inodeEveryTicks} ticks */
    FilesystemCollector(Path mounts, Inodes.Reader inodes, int inodeEveryTicks) {
        this(mounts, new FileStoreSpaceReader(), new TimedSpaceReader(new FileStoreSpaceReader(),
                REMOTE_TIMEOUT_MILLIS), inodes, inodeEveryTicks);
    }

    /**
     * Without inode counts.
     *
     * @param local  sizes of local filesystems
     * @param remote sizes of network filesystems, which may not answer
     */
    FilesystemCollector(Path mounts, Space.Reader local, Space.Reader remote) {
        this(mounts, local, remote, null, 0);
    }

    FilesystemCollector(Path mounts, Space.Reader local, Space.Reader remote, Inodes.Reader inodes,
                        int inodeEveryTicks) {
        if (inodeEveryTicks < 0) {
            throw new IllegalArgumentException("inodeEveryTicks " + inodeEveryTicks);
        }
        this.mounts = new MountTable(mounts);
        this.local = local;
        this.remote = remote;
        this.inodes = inodeEveryTicks > 0 ? inodes : null;
        this.inodeEveryTicks = inodeEveryTicks;
    }

    @Override
    public String name() {
        return "filesystem";
    }

    @Override
    public void collect(long timestampMillis, List<Sample> into) throws IOException {
        List<Mount> mounted = mounts.current();
        local.retainOnly(mounted);
        remote.retainOnly(mounted);
        Set<String> segments = new HashSet<>();
        Set<String> failingNow = new HashSet<>();
        List<Mount> measured = new ArrayList<>(mounted.size());
        for (Mount mount : mounted) {
            String segment = mount.segment();
            if (!segments.add(segment)) {
                continue; // two mount points sanitised to one name: the first one listed keeps it
            }
            Space space;
            try {
                space = (mount.isRemote() ? remote : local).read(mount);
            } catch (IOException | RuntimeException e) {
                // one unreadable mount (permissions, a dead file server, a path the locale cannot encode)
                // must not cost the others their metrics
                failingNow.add(mount.mountPoint());
                if (!failing.contains(mount.mountPoint())) {
                    AgentLog.filesystemUnreadable(mount.mountPoint(), String.valueOf(e));
                }
                continue;
            }
            if (failing.contains(mount.mountPoint())) {
                AgentLog.filesystemReadable(mount.mountPoint());
            }
            add(names.of(segment), space, timestampMillis, into);
            measured.add(mount);
        }
        failing = failingNow;
        if (inodes != null && ticksToInodes-- == 0) {
            ticksToInodes = inodeEveryTicks - 1;
            addInodes(measured, timestampMillis, into);
        }
    }

    /**
     * Used is total minus free. The percentage is used over used plus available, as df computes it, so blocks
     * reserved for root count against it and 100 % means ordinary users can write no more.
     */
    private static void add(String[] names, Space space, long timestampMillis, List<Sample> into) {
        long used = Math.max(0, space.total() - space.free());
        long usable = used + space.available();
        into.add(new Sample(names[0], timestampMillis, space.total()));
        into.add(new Sample(names[1], timestampMillis, used));
        into.add(new Sample(names[2], timestampMillis, space.available()));
        into.add(new Sample(names[3], timestampMillis, usable > 0 ? used * 100.0 / usable : 0.0));
    }

    /**
     * Inode counts of the filesystems whose sizes were read at this tick: one that did not answer statfs (a dead
     * file server) is not handed to df, which would hang on it too. The counts are sent only at the ticks that
     * read them, with that tick's time, never repeated at the ticks between: each sample is a real reading, and
     * when df stops answering the series stop rather than run on flat. A failure costs only the inode counts
     * and is logged when it starts and when it ends.
     */
    private void addInodes(List<Mount> measured, long timestampMillis, List<Sample> into) {
        List<String> mountPoints = new ArrayList<>(measured.size());
        for (Mount mount : measured) {
            mountPoints.add(mount.mountPoint());
        }
        Map<String, Inodes> counts;
        try {
            counts = inodes.read(mountPoints);
        } catch (IOException | RuntimeException e) {
            if (!inodesFailing) {
                inodesFailing = true;
                AgentLog.inodesUnreadable(String.valueOf(e));
            }
            return;
        }
        if (inodesFailing) {
            inodesFailing = false;
            AgentLog.inodesReadable();
        }
        for (Mount mount : measured) {
            Inodes count = counts.get(mount.mountPoint());
            if (count != null) {
                String[] metric = names.of(mount.segment());
                into.add(new Sample(metric[4], timestampMillis, count.total()));
                into.add(new Sample(metric[5], timestampMillis, count.used()));
                into.add(new Sample(metric[6], timestampMillis, count.free()));
                into.add(new Sample(metric[7], timestampMillis, count.used() * 100.0 / count.total()));
            }
        }
    }
}

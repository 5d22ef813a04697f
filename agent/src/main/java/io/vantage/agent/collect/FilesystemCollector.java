package io.vantage.agent.collect;

import io.vantage.agent.log.AgentLog;
import io.vantage.protocol.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Size and use of each mounted disk or network filesystem (see {@link MountTable} for which), from
 * /proc/self/mounts and statfs: {@code fs.<mount>.total_bytes}, {@code used_bytes}, {@code available_bytes} and
 * {@code used_percent}, with the mount point named as {@link Mount#segment()} says. Inode counts are not reported:
 * the JDK's {@code FileStore} does not expose statfs's file counts.
 */
public final class FilesystemCollector implements Collector {

    /** Long enough for a healthy file server, short enough not to hold up a tick of one second for long. */
    private static final long REMOTE_TIMEOUT_MILLIS = 1000;

    private final Path mounts;
    private final Space.Reader local;
    private final Space.Reader remote;
    private final DeviceNames names = new DeviceNames("fs.", "total_bytes", "used_bytes", "available_bytes",
            "used_percent");
    /** Mount points that failed at the previous tick, so a failure is logged when it starts and when it ends. */
    private Set<String> failing = new HashSet<>();

    /** @param mounts the /proc/self/mounts file */
    public FilesystemCollector(Path mounts) {
        this(mounts, new FileStoreSpaceReader(), new TimedSpaceReader(new FileStoreSpaceReader(),
                REMOTE_TIMEOUT_MILLIS));
    }

    /**
     * @param local  sizes of local filesystems
     * @param remote sizes of network filesystems, which may not answer
     */
    FilesystemCollector(Path mounts, Space.Reader local, Space.Reader remote) {
        this.mounts = mounts;
        this.local = local;
        this.remote = remote;
    }

    @Override
    public String name() {
        return "filesystem";
    }

    @Override
    public void collect(long timestampMillis, List<Sample> into) throws IOException {
        List<Mount> mounted = MountTable.read(mounts);
        local.retainOnly(mounted);
        remote.retainOnly(mounted);
        Set<String> segments = new HashSet<>();
        Set<String> failingNow = new HashSet<>();
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
        }
        failing = failingNow;
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
}

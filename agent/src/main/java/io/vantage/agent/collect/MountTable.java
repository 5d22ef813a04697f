package io.vantage.agent.collect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the filesystems worth reporting from /proc/self/mounts: those that hold data on a disk or a file server.
 * Pseudo filesystems (proc, sysfs, cgroup, tmpfs, devtmpfs, overlay, squashfs, nsfs...) are left out, and a device
 * mounted more than once (bind mounts, btrfs subvolumes) is reported at the first mount point listed. An instance
 * keeps the list and parses the table again only when its content changed.
 */
final class MountTable {

    /** An allow-list: new pseudo filesystems keep appearing, new disk filesystems rarely. */
    private static final Set<String> REPORTED = Set.of("ext2", "ext3", "ext4", "xfs", "btrfs", "zfs", "vfat", "exfat",
            "f2fs", "nfs", "nfs4", "cifs", "smb3");

    private final Path file;
    private List<Mount> mounts;
    private long checksum;

    /** @param file the /proc/self/mounts file */
    MountTable(Path file) {
        this.file = file;
    }

    /**
     * The filesystems mounted now. The table is read at every call, so a mount or unmount shows at once (statfs on
     * a mount point that is gone would measure the filesystem beneath it), but parsed again only when it changed:
     * on a container host it runs to hundreds of lines of overlay mounts, nearly always the same.
     */
    List<Mount> current() throws IOException {
        long now = ProcFiles.checksum(file);
        if (mounts == null || now != checksum) {
            mounts = read(file);
            checksum = now;
        }
        return mounts;
    }

    static List<Mount> read(Path mounts) throws IOException {
        List<Mount> reported = new ArrayList<>();
        Set<String> devices = new HashSet<>();
        // UTF-8 because mount points are paths the agent opens; a byte that is not UTF-8 cannot fail the read
        ProcFiles.forEachLine(mounts, StandardCharsets.UTF_8, line -> {
            // device mount-point type options dump pass; the kernel escapes blanks, so a plain split is right
            String[] fields = ProcFiles.fields(line);
            if (fields.length >= 3 && REPORTED.contains(fields[2]) && fields[1].startsWith("/")
                    && devices.add(fields[0])) {
                reported.add(new Mount(unescape(fields[0]), unescape(fields[1]), fields[2]));
            }
        });
        return List.copyOf(reported);
    }

    /**
     * Decodes the kernel's escapes: {@code \040} blank, {@code \011} tab, {@code \012} newline, {@code \134}
     * backslash.
     */
    static String unescape(String field) {
        int backslash = field.indexOf('\\');
        if (backslash < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length()).append(field, 0, backslash);
        for (int i = backslash; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String text, int from) {
        if (from + 3 > text.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '7') {
                return false;
            }
        }
        return true;
    }
}

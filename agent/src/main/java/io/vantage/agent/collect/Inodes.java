package io.vantage.agent.collect;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The file counts of one mounted filesystem, as statfs gives them ({@code f_files}, {@code f_files - f_ffree},
 * {@code f_ffree}); only for filesystems that have a fixed number of inodes.
 *
 * @param total how many files and directories the filesystem can hold
 * @param used  how many exist
 * @param free  how many more can be created
 */
record Inodes(long total, long used, long free) {

    /** Where inode counts come from: {@link DfInodeReader} in the agent, a fake in tests. */
    interface Reader {

        /**
         * The counts of those of {@code mountPoints} that have them, by mount point; a filesystem without a fixed
         * number of inodes (btrfs, many FUSE filesystems) is left out rather than given zeros.
         *
         * @throws IOException when no counts could be read at all
         */
        Map<String, Inodes> read(List<String> mountPoints) throws IOException;
    }
}

package io.vantage.agent.collect;

import java.io.IOException;
import java.util.Collection;

/**
 * The size of one mounted filesystem, in bytes, as statfs gives it.
 *
 * @param total     the filesystem's size
 * @param free      not in use, including blocks reserved for root
 * @param available free for unprivileged users, so without the reserved blocks
 */
record Space(long total, long free, long available) {

    /** Where sizes come from: {@link FileStoreSpaceReader} in the agent, a fake in tests. */
    interface Reader {

        Space read(Mount mount) throws IOException;

        /** Drops whatever is kept about filesystems no longer mounted. */
        default void retainOnly(Collection<Mount> mounted) {
        }
    }
}

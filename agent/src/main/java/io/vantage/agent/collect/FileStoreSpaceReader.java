package io.vantage.agent.collect;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Filesystem sizes through {@link FileStore}, the JDK's statfs. Each store is looked up once per mount and kept:
 * the lookup reads the whole mount table, while asking a kept store for its sizes is a statfs call and nothing
 * more.
 */
final class FileStoreSpaceReader implements Space.Reader {

    // read on the helper threads of TimedSpaceReader as well as the agent's own
    private final Map<Mount, FileStore> stores = new ConcurrentHashMap<>();

    @Override
    public Space read(Mount mount) throws IOException {
        FileStore store = stores.get(mount);
        if (store == null) {
            store = Files.getFileStore(Path.of(mount.mountPoint()));
            stores.put(mount, store);
        }
        return new Space(store.getTotalSpace(), store.getUnallocatedSpace(), store.getUsableSpace());
    }

    @Override
    public void retainOnly(Collection<Mount> mounted) {
        stores.keySet().retainAll(mounted);
    }
}

package io.vantage.agent.spool;

import io.vantage.agent.log.AgentLog;
import io.vantage.protocol.Frame;
import io.vantage.protocol.FrameCodec;
import io.vantage.protocol.FrameReader;
import io.vantage.protocol.ProtocolException;
import io.vantage.protocol.SampleBatch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Keeps unacknowledged batches as files in a directory, one file per batch holding the batch's wire frame, so
 * they survive a restart of the agent or of the machine. Files are written atomically and deleted once
 * acknowledged. The directory is bounded by bytes; only sequences and sizes are held in memory.
 */
public final class DiskSpool implements Spool {

    private static final String PREFIX = "batch-";
    private static final String SUFFIX = ".frame";
    private static final String LOCK_FILE = ".lock";
    /** A small file still takes a whole block on common file systems; the bound counts what the disk loses. */
    private static final int BLOCK_BYTES = 4096;

    private final Path directory;
    private final long maxBytes;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final NavigableMap<Long, Integer> sizes = new TreeMap<>();
    private final UnwrittenBatches unwritten = new UnwrittenBatches();
    private final OverflowWarning overflow;
    private long totalBytes;
    /**
     * The batch appended last, still in memory: while the server keeps up, it is the one sent next, and sending it
     * need not read back and decode the file just written at every tick.
     */
    private SampleBatch newest;

    private DiskSpool(Path directory, long maxBytes, FileChannel lockChannel, FileLock lock) {
        this.directory = directory;
        this.maxBytes = maxBytes;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.overflow = new OverflowWarning(size(maxBytes) + " of spool files in " + directory);
    }

    /**
     * Opens the directory, creating it if needed, and takes its lock so no second agent shares it.
     *
     * @throws IOException when the directory cannot be created or read, or another agent holds it
     */
    public static DiskSpool open(Path directory, long maxBytes) throws IOException {
        Files.createDirectories(directory);
        FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another agent instance inside this JVM
        }
        if (lock == null) {
            channel.close();
            throw new IOException("spool directory " + directory + " is in use by another agent");
        }
        DiskSpool spool = new DiskSpool(directory, maxBytes, channel, lock);
        try {
            spool.load();
        } catch (IOException | RuntimeException e) {
            spool.close();
            throw e;
        }
        return spool;
    }

    private void load() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(AtomicFiles.TEMP_SUFFIX)) {
                    Files.deleteIfExists(file); // a write the agent did not finish before it stopped
                    continue;
                }
                long sequence = sequenceOf(name);
                if (sequence > 0) {
                    index(sequence, Files.size(file));
                }
            }
        }
        dropOldestBeyondBound(); // the bound may have been lowered since the last run
    }

    @Override
    public void append(SampleBatch batch) {
        byte[] frame = FrameCodec.encode(batch);
        try {
            AtomicFiles.write(fileOf(batch.sequence()), frame);
            unwritten.written();
        } catch (IOException e) {
            unwritten.keep(batch, fileOf(batch.sequence()), e);
            for (long dropped = unwritten.dropOldestBeyondBound(); dropped != NONE;
                 dropped = unwritten.dropOldestBeyondBound()) {
                forget(dropped);
                overflow.dropped();
            }
        }
        index(batch.sequence(), frame.length);
        newest = batch;
        dropOldestBeyondBound();
    }

    @Override
    public long nextAfter(long sequence) {
        Long next = sizes.higherKey(sequence);
        return next == null ? NONE : next;
    }

    @Override
    public SampleBatch read(long sequence) {
        if (!sizes.containsKey(sequence)) {
            return null;
        }
        if (newest != null && newest.sequence() == sequence) {
            return newest;
        }
        SampleBatch inMemory = unwritten.get(sequence);
        if (inMemory != null) {
            return inMemory;
        }
        Path file = fileOf(sequence);
        String problem;
        try {
            byte[] bytes = Files.readAllBytes(file);
            Frame frame = new FrameReader(new ByteArrayInputStream(bytes), FrameCodec.DEFAULT_MAX_FRAME_BYTES).read();
            if (frame instanceof SampleBatch batch && batch.sequence() == sequence) {
                return batch;
            }
            problem = "holds a " + frame.type() + " frame, not batch " + sequence;
        } catch (IOException | ProtocolException e) {
            problem = e.toString();
        }
        // an unreadable file would block the spool for ever if kept
        AgentLog.spoolFileUnreadable(file.toString(), problem);
        forget(sequence);
        return null;
    }

    @Override
    public boolean remove(long sequence) {
        boolean removed = forget(sequence);
        overflow.shrank(totalBytes <= maxBytes / 2);
        return removed;
    }

    @Override
    public int removeThrough(long sequence) {
        int count = 0;
        for (Long old : new ArrayList<>(sizes.headMap(sequence, true).keySet())) {
            forget(old);
            count++;
        }
        overflow.shrank(totalBytes <= maxBytes / 2);
        return count;
    }

    @Override
    public int size() {
        return sizes.size();
    }

    @Override
    public long lastSequence() {
        return sizes.isEmpty() ? NONE : sizes.lastKey();
    }

    @Override
    public long droppedCount() {
        return overflow.total();
    }

    @Override
    public String describe() {
        return "unacknowledged batches in " + directory + " (up to " + size(maxBytes) + ")";
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            // the lock goes with the channel or the process anyway
        }
    }

    private void index(long sequence, long fileBytes) {
        int cost = (int) Math.max(BLOCK_BYTES, (fileBytes + BLOCK_BYTES - 1) / BLOCK_BYTES * BLOCK_BYTES);
        Integer previous = sizes.put(sequence, cost);
        totalBytes += cost - (previous == null ? 0 : previous);
    }

    private void dropOldestBeyondBound() {
        // the newest batch always stays, even if it alone exceeds the bound
        while (totalBytes > maxBytes && sizes.size() > 1) {
            forget(sizes.firstKey());
            overflow.dropped();
        }
    }

    private boolean forget(long sequence) {
        Integer cost = sizes.remove(sequence);
        if (cost == null) {
            return false;
        }
        totalBytes -= cost;
        if (newest != null && newest.sequence() == sequence) {
            newest = null;
        }
        if (unwritten.remove(sequence) == null) {
            try {
                Files.deleteIfExists(fileOf(sequence));
            } catch (IOException e) {
                // left behind, the file is resent after a restart and the server's last stored sequence drops it
            }
        }
        return true;
    }

    private Path fileOf(long sequence) {
        // zero-padded so that a directory listing sorts in sequence order, which helps whoever looks inside;
        // by hand, as String.format parses its pattern with a regular expression at every call, twice a tick
        String digits = Long.toString(sequence);
        StringBuilder name = new StringBuilder(PREFIX.length() + 19 + SUFFIX.length()).append(PREFIX);
        for (int i = digits.length(); i < 19; i++) {
            name.append('0');
        }
        return directory.resolve(name.append(digits).append(SUFFIX).toString());
    }

    private static String size(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }

    private static long sequenceOf(String name) {
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) {
            return 0;
        }
        try {
            return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

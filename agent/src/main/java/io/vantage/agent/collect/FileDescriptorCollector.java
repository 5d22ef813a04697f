package io.vantage.agent.collect;

import io.vantage.protocol.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Open file handles of the whole system against the kernel's limit, from /proc/sys/fs/file-nr:
 * {@code fd.allocated} and {@code fd.max}. Running out fails every open, socket and pipe on the machine.
 */
public final class FileDescriptorCollector implements Collector {

    public static final String ALLOCATED = "fd.allocated";
    public static final String MAX = "fd.max";

    private final Path fileNr;

    /** @param fileNr the /proc/sys/fs/file-nr file */
    public FileDescriptorCollector(Path fileNr) {
        this.fileNr = fileNr;
    }

    @Override
    public String name() {
        return "file-descriptors";
    }

    @Override
    public void collect(long timestampMillis, List<Sample> into) throws IOException {
        // for example "3264 0 1621594": allocated, allocated but unused (always 0 since Linux 2.6), maximum
        String[] fields = ProcFiles.fields(ProcFiles.firstLine(fileNr, line -> !line.isBlank()));
        if (fields.length < 3) {
            throw new IOException(fileNr + " holds fewer than three numbers");
        }
        into.add(new Sample(ALLOCATED, timestampMillis, ProcFiles.parseLong(fields[0], fileNr)));
        into.add(new Sample(MAX, timestampMillis, ProcFiles.parseLong(fields[2], fileNr)));
    }
}

package io.vantage.protocol;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The check section of a {@link FrameType#BATCH_WITH_CHECKS} (version 2), which follows the samples laid out as in a
 * {@link FrameType#BATCH}; the framing is {@link FrameCodec}'s.
 */
final class CheckRunFrames {

    /** The least a run takes on the wire: two empty strings' lengths, status, time and duration. */
    private static final int MIN_RUN_BYTES = 2 + 1 + 8 + 4 + 2;

    private CheckRunFrames() {
    }

    static void write(List<CheckRun> runs, DataOutputStream out) throws IOException {
        out.writeShort(runs.size());
        for (CheckRun run : runs) {
            FrameCodec.writeString(out, run.check());
            out.writeByte(run.status());
            out.writeLong(run.finishedAtMillis());
            out.writeInt((int) run.durationMillis());
            FrameCodec.writeString(out, run.text());
        }
    }

    static List<CheckRun> read(ByteBuffer in) throws ProtocolException {
        int count = in.getShort() & 0xFFFF;
        if (count == 0 || count > CheckRun.MAX_PER_BATCH) {
            throw FrameCodec.malformed("BATCH_WITH_CHECKS must hold 1.." + CheckRun.MAX_PER_BATCH
                    + " check runs, declared " + count);
        }
        // refuse counts the payload cannot hold before allocating for them
        if ((long) count * MIN_RUN_BYTES > in.remaining()) {
            throw FrameCodec.malformed("BATCH_WITH_CHECKS declares " + count + " check runs but holds "
                    + in.remaining() + " bytes");
        }
        List<CheckRun> runs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String check = FrameCodec.readString(in);
            int status = in.get() & 0xFF;
            long finishedAt = in.getLong();
            long duration = in.getInt() & 0xFFFF_FFFFL;
            // the constructor refuses a bad name, an unknown status, and a text over its bound or with control characters
            runs.add(new CheckRun(check, status, FrameCodec.readString(in), finishedAt, duration));
        }
        return runs;
    }
}

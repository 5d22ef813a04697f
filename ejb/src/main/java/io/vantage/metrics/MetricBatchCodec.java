package io.vantage.metrics;

import io.vantage.persistence.checks.CheckResult;
import io.vantage.persistence.checks.CheckState;
import io.vantage.persistence.metrics.MetricBatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a metric message on the JMS topic: a format version, the batch's header, then each sample, and in
 * format 2 the check results after them. Plain bytes rather than Java serialization, so any consumer can read it and
 * no deserialization allow-list is needed. A batch without check results is still written in format 1, so a server
 * of the previous release reading the journal after a rollback loses only the batches that carried check results.
 */
public final class MetricBatchCodec {

    static final int FORMAT_VERSION = 1;
    /** Format 1 followed by the check results. */
    static final int FORMAT_WITH_CHECKS = 2;

    private MetricBatchCodec() {
    }

    public static byte[] encode(MetricBatch batch) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + batch.size() * 32);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(batch.checks().isEmpty() ? FORMAT_VERSION : FORMAT_WITH_CHECKS);
            out.writeLong(batch.organizationId());
            out.writeLong(batch.nodeId());
            out.writeUTF(batch.agentId());
            out.writeLong(batch.sequence());
            out.writeInt(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                out.writeUTF(batch.metrics()[i]);
                out.writeLong(batch.timestamps()[i]);
                out.writeDouble(batch.values()[i]);
            }
            if (!batch.checks().isEmpty()) {
                out.writeInt(batch.checks().size());
                for (CheckResult check : batch.checks()) {
                    out.writeUTF(check.check());
                    out.writeByte(check.state().code());
                    out.writeLong(check.finishedAt().toEpochMilli());
                    out.writeLong(check.durationMillis());
                    out.writeUTF(check.text());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array stream never fails
        }
        return bytes.toByteArray();
    }

    /**
     * @throws IllegalArgumentException when the bytes are not a batch in a format this version reads
     */
    public static MetricBatch decode(byte[] body) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
            int version = in.readUnsignedByte();
            if (version != FORMAT_VERSION && version != FORMAT_WITH_CHECKS) {
                throw new IllegalArgumentException("unknown metric message format " + version);
            }
            long organizationId = in.readLong();
            long nodeId = in.readLong();
            String agentId = in.readUTF();
            long sequence = in.readLong();
            int size = in.readInt();
            if (size < 0 || size > body.length) {
                throw new IllegalArgumentException("impossible sample count " + size);
            }
            String[] metrics = new String[size];
            long[] timestamps = new long[size];
            double[] values = new double[size];
            for (int i = 0; i < size; i++) {
                metrics[i] = in.readUTF();
                timestamps[i] = in.readLong();
                values[i] = in.readDouble();
            }
            List<CheckResult> checks = version == FORMAT_WITH_CHECKS ? readChecks(in, body.length) : List.of();
            if (in.available() > 0) {
                throw new IllegalArgumentException(in.available() + " bytes after the batch");
            }
            return new MetricBatch(organizationId, nodeId, agentId, sequence, metrics, timestamps, values, checks);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated metric message", e);
        }
    }

    private static List<CheckResult> readChecks(DataInputStream in, int bodyLength) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > bodyLength) {
            throw new IllegalArgumentException("impossible check result count " + count);
        }
        List<CheckResult> checks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String check = in.readUTF();
            CheckState state = CheckState.ofCode(in.readUnsignedByte());
            Instant finishedAt = Instant.ofEpochMilli(in.readLong());
            long durationMillis = in.readLong();
            checks.add(new CheckResult(check, state, in.readUTF(), finishedAt, durationMillis));
        }
        return checks;
    }
}

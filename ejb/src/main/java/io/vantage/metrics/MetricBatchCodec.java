package io.vantage.metrics;

import io.vantage.persistence.metrics.MetricBatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The body of a metric message on the JMS topic: a format version, the batch's header, then each sample. Plain
 * bytes rather than Java serialization, so any consumer can read it and no deserialization allow-list is needed.
 */
public final class MetricBatchCodec {

    static final int FORMAT_VERSION = 1;

    private MetricBatchCodec() {
    }

    public static byte[] encode(MetricBatch batch) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + batch.size() * 32);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
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
            if (version != FORMAT_VERSION) {
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
            return new MetricBatch(organizationId, nodeId, agentId, sequence, metrics, timestamps, values);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated metric message", e);
        }
    }
}

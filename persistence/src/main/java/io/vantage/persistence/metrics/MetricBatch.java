package io.vantage.persistence.metrics;

import java.util.Objects;

/**
 * Samples of one node, as they travel from ingestion to storage and the live view: in columns, sample {@code i}
 * being {@code metrics[i]} at {@code timestamps[i]} (epoch milliseconds) with {@code values[i]}.
 *
 * @param organizationId the node's organization
 * @param nodeId         the node the samples describe
 * @param agentId        the agent that sent them
 * @param sequence       the agent's sequence number of the batch
 * @param metrics        metric names
 * @param timestamps     epoch milliseconds
 * @param values         finite values
 */
public record MetricBatch(long organizationId, long nodeId, String agentId, long sequence, String[] metrics,
                          long[] timestamps, double[] values) {

    public MetricBatch {
        Objects.requireNonNull(agentId, "agentId");
        if (metrics.length != timestamps.length || metrics.length != values.length) {
            throw new IllegalArgumentException("columns differ in length");
        }
    }

    public int size() {
        return metrics.length;
    }

    @Override
    public String toString() {
        return "MetricBatch[org=" + organizationId + ", node=" + nodeId + ", agent=" + agentId + ", sequence="
                + sequence + ", samples=" + metrics.length + "]";
    }
}

package io.vantage.persistence.metrics;

import io.vantage.persistence.checks.CheckResult;
import java.util.List;
import java.util.Objects;

/**
 * Samples of one node, as they travel from ingestion to storage and the live view: in columns, sample {@code i}
 * being {@code metrics[i]} at {@code timestamps[i]} (epoch milliseconds) with {@code values[i]}; and the results of
 * the agent's external checks those samples came from, status texts included.
 *
 * @param organizationId the node's organization
 * @param nodeId         the node the samples describe
 * @param agentId        the agent that sent them
 * @param sequence       the agent's sequence number of the batch
 * @param metrics        metric names
 * @param timestamps     epoch milliseconds
 * @param values         finite values
 * @param checks         the check results that came with the samples; empty for most batches
 */
public record MetricBatch(long organizationId, long nodeId, String agentId, long sequence, String[] metrics,
                          long[] timestamps, double[] values, List<CheckResult> checks) {

    public MetricBatch {
        Objects.requireNonNull(agentId, "agentId");
        if (metrics.length != timestamps.length || metrics.length != values.length) {
            throw new IllegalArgumentException("columns differ in length");
        }
        checks = List.copyOf(checks);
    }

    /** Samples alone, as Graphite senders, remote checks and most agent batches bring them. */
    public MetricBatch(long organizationId, long nodeId, String agentId, long sequence, String[] metrics,
                       long[] timestamps, double[] values) {
        this(organizationId, nodeId, agentId, sequence, metrics, timestamps, values, List.of());
    }

    public int size() {
        return metrics.length;
    }

    @Override
    public String toString() {
        return "MetricBatch[org=" + organizationId + ", node=" + nodeId + ", agent=" + agentId + ", sequence="
                + sequence + ", samples=" + metrics.length + (checks.isEmpty() ? "" : ", checks=" + checks.size()) + "]";
    }
}

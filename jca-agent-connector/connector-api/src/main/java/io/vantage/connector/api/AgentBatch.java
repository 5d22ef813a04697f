package io.vantage.connector.api;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One batch of samples from an admitted agent, in columns: sample {@code i} is {@code metrics[i]} measured at
 * {@code timestamps[i]} (epoch milliseconds) with {@code values[i]}. Columns keep a batch of thousands compact. A
 * batch from a protocol version 2 agent may also bring the runs of its external checks, whose numbers are among the
 * samples; the batch is stored, and acknowledged, as a whole.
 *
 * @param agentId    the admitted agent that sent it
 * @param hostname   the machine it reports, as it said in its hello
 * @param sequence   the agent's sequence number of this batch
 * @param metrics    metric names
 * @param timestamps epoch milliseconds
 * @param values     finite values
 * @param checks     the check runs with their status texts; empty when the batch has none
 */
public record AgentBatch(String agentId, String hostname, long sequence, String[] metrics, long[] timestamps,
                         double[] values, List<AgentCheckRun> checks) implements Serializable {

    public AgentBatch {
        Objects.requireNonNull(agentId, "agentId");
        if (metrics.length != timestamps.length || metrics.length != values.length) {
            throw new IllegalArgumentException("columns differ in length: " + metrics.length + ", "
                    + timestamps.length + ", " + values.length);
        }
        checks = List.copyOf(checks);
    }

    /** A batch of samples alone. */
    public AgentBatch(String agentId, String hostname, long sequence, String[] metrics, long[] timestamps,
                      double[] values) {
        this(agentId, hostname, sequence, metrics, timestamps, values, List.of());
    }

    /** How many samples the batch holds. */
    public int size() {
        return metrics.length;
    }

    @Override
    public String toString() {
        return "AgentBatch[agentId=" + agentId + ", sequence=" + sequence + ", samples=" + metrics.length
                + (checks.isEmpty() ? "" : ", checks=" + checks.size()) + "]";
    }
}

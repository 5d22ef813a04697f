package io.vantage.metrics;

import io.vantage.ServiceLog;
import io.vantage.agents.AgentDirectory;
import io.vantage.agents.AgentIdentity;
import io.vantage.connector.api.AgentBatch;
import io.vantage.connector.api.AgentCheckRun;
import io.vantage.connector.api.BatchNotStoredException;
import io.vantage.connector.api.BatchRejectedException;
import io.vantage.persistence.checks.CheckResult;
import io.vantage.persistence.checks.CheckState;
import io.vantage.persistence.metrics.MetricBatch;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Accepts an agent's batch, checks it and hands it to the metric events, which hold it durably, check results and all
 * in one message. Nothing slow happens here: storage, alerting, the live view and the check results' storage each
 * take their copy from the topic.
 */
@Stateless
// No JTA transaction: the publish is this call's only effect, and a persistent send outside a transaction returns
// only once the broker has it in its synced journal (blocking durable send), which is the durability an ACK needs.
// A transaction per batch cost a two-phase-capable enlistment and a commit on the ingest path for nothing.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MetricIngestion {

    @Inject
    AgentDirectory directory;

    @Inject
    MetricEvents events;

    @Inject
    Clock clock;

    @Inject
    IngestMeters meters;

    /**
     * Publishes the batch; returns once it is held durably.
     *
     * @throws BatchRejectedException  when its content breaks {@link BatchRules}
     * @throws BatchNotStoredException when the agent is not admitted here or publishing failed
     */
    public void ingest(AgentBatch batch) throws BatchRejectedException, BatchNotStoredException {
        Optional<String> violation = BatchRules.violation(batch, clock.instant());
        if (violation.isPresent()) {
            ServiceLog.batchRejected(batch.agentId(), batch.sequence(), violation.get());
            meters.rejected();
            throw new BatchRejectedException(violation.get());
        }
        Optional<AgentIdentity> agent = directory.find(batch.agentId());
        if (agent.isEmpty()) {
            meters.notStored();
            throw new BatchNotStoredException("agent " + batch.agentId() + " is not admitted on this server; reconnect",
                    null);
        }
        try {
            events.published(new MetricBatch(agent.get().organizationId(), agent.get().nodeId(), batch.agentId(),
                    batch.sequence(), batch.metrics(), batch.timestamps(), batch.values(), checks(batch.checks())));
        } catch (RuntimeException e) {
            ServiceLog.batchNotStored(batch.agentId(), batch.sequence(), e);
            meters.notStored();
            throw new BatchNotStoredException("the server could not store the batch now", e);
        }
        meters.accepted(batch.size());
    }

    private static List<CheckResult> checks(List<AgentCheckRun> runs) {
        return runs.stream().map(run -> new CheckResult(run.check(), CheckState.ofCode(run.status()), run.text(),
                Instant.ofEpochMilli(run.finishedAtMillis()), run.durationMillis())).toList();
    }
}

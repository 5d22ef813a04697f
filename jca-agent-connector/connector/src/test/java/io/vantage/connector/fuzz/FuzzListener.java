package io.vantage.connector.fuzz;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.vantage.connector.api.AgentAdmission;
import io.vantage.connector.api.AgentBatch;
import io.vantage.connector.api.AgentCredentials;
import io.vantage.connector.api.AgentListener;
import io.vantage.connector.api.AgentRejectedException;
import io.vantage.connector.api.BatchRejectedException;
import io.vantage.protocol.FrameCodec;
import io.vantage.protocol.MetricNames;

/**
 * The application as the fuzz test sees it: admits a fixed set of agent ids presenting {@link #KEY}, stores
 * every batch (sequence per agent, in delivery order), rejects batches with metric names the protocol does not
 * allow, as the real application does, and notes any batch the server should never have handed over.
 */
public final class FuzzListener implements AgentListener {

    public static final String KEY = "fuzz-key";
    /** The one id hostile connections may log in with; the well-behaved agents have ids of their own. */
    public static final String HOSTILE_AGENT = "fuzz";

    private final Set<String> known;
    private final Map<String, List<Long>> stored = new ConcurrentHashMap<>();
    private final Queue<String> violations = new ConcurrentLinkedQueue<>();

    /** @param steadyAgents the ids of the well-behaved agents, admitted besides {@link #HOSTILE_AGENT} */
    public FuzzListener(Collection<String> steadyAgents) {
        Set<String> ids = new HashSet<>(steadyAgents);
        ids.add(HOSTILE_AGENT);
        this.known = Set.copyOf(ids);
    }

    /** Whether {@link #admit} lets this id and key in; the oracle asks the same question. */
    public boolean admits(String agentId, String agentKey) {
        return known.contains(agentId) && KEY.equals(agentKey);
    }

    /** Whether {@link #deliver} rejects a batch with these metric names. */
    public static boolean rejects(Collection<String> metrics) {
        return !metrics.stream().allMatch(MetricNames::isValid);
    }

    @Override
    public AgentAdmission admit(AgentCredentials credentials) throws AgentRejectedException {
        if (!admits(credentials.agentId(), credentials.agentKey())) {
            throw new AgentRejectedException("unknown agent or wrong key");
        }
        return new AgentAdmission(credentials.agentId(), 0);
    }

    @Override
    public void deliver(AgentBatch batch) throws BatchRejectedException {
        checkWellFormed(batch);
        if (rejects(List.of(batch.metrics()))) {
            throw new BatchRejectedException("metric name not allowed");
        }
        stored.computeIfAbsent(batch.agentId(), id -> Collections.synchronizedList(new ArrayList<>()))
                .add(batch.sequence());
    }

    /** The sequences stored for one agent, in the order they were delivered. */
    public List<Long> storedSequences(String agentId) {
        List<Long> sequences = stored.get(agentId);
        if (sequences == null) {
            return List.of();
        }
        synchronized (sequences) {
            return List.copyOf(sequences);
        }
    }

    /** Batches that reached the application although the protocol forbids them. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    private void checkWellFormed(AgentBatch batch) {
        if (!known.contains(batch.agentId())) {
            violations.add("batch from an agent never admitted: " + batch);
        }
        if (batch.sequence() <= 0) {
            violations.add("batch with a sequence that is not positive: " + batch);
        }
        if (batch.size() < 1 || batch.size() > FrameCodec.MAX_SAMPLES_PER_BATCH) {
            violations.add("batch with " + batch.size() + " samples: " + batch);
        }
        for (int i = 0; i < batch.size(); i++) {
            if (batch.metrics()[i] == null || !Double.isFinite(batch.values()[i])) {
                violations.add("batch with a null metric or a value that is not finite at " + i + ": " + batch);
                return;
            }
        }
    }
}

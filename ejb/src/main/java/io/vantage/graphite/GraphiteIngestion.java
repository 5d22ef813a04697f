package io.vantage.graphite;

import io.vantage.ServiceLog;
import io.vantage.connector.api.BatchNotStoredException;
import io.vantage.connector.api.BatchRejectedException;
import io.vantage.connector.api.GraphiteBatch;
import io.vantage.metrics.MetricEvents;
import io.vantage.persistence.metrics.MetricBatch;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accepts Graphite lines: maps each path to a node and metric ({@link GraphitePaths}), then publishes one metric
 * batch per node on the same topic as agents' batches, so storage, the live view and alerting treat both alike.
 * Graphite input belongs to the organization named by {@code vantage.graphite.organization}.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// No JTA transaction, as for agents' batches (MetricIngestion): each node's batch is a blocking durable send, held
// in the broker's synced journal when it returns. When a later node's send fails, the connector offers the whole
// batch again and the nodes already sent are sent twice, which changes nothing: a stored batch with the same samples
// overwrites itself and alert rules ignore samples not newer than the last they judged.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GraphiteIngestion {

    /** The agent id stored with Graphite samples, which come from no agent. */
    static final String SOURCE = "graphite";
    /** How often a node's last-seen time is written while it keeps sending. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    @Inject
    GraphiteNodes nodes;

    @Inject
    MetricEvents events;

    @Inject
    Clock clock;

    private final Map<String, KnownNode> known = new ConcurrentHashMap<>();
    private String organization;
    private GraphitePaths paths;

    @PostConstruct
    void readSettings() {
        organization = System.getProperty("vantage.graphite.organization", "default");
        paths = GraphitePaths.fromSetting(System.getProperty("vantage.graphite.strip-prefixes", "collectd,telegraf"));
    }

    /**
     * Publishes the lines that map to a node; returns once they are held durably.
     *
     * @throws BatchRejectedException  when no line maps to a node and metric
     * @throws BatchNotStoredException when publishing or creating a node failed; the connector offers the batch again
     */
    public void ingest(GraphiteBatch batch) throws BatchRejectedException, BatchNotStoredException {
        Instant now = clock.instant();
        GraphitePaths.Mapped mapped = paths.map(batch, now);
        if (mapped.unmapped() + mapped.outOfTime() > 0) {
            ServiceLog.graphiteLinesDropped(batch.remoteAddress(), mapped.unmapped(), mapped.outOfTime());
        }
        if (mapped.byNode().isEmpty()) {
            throw new BatchRejectedException("none of the " + batch.size() + " lines maps to a node and metric");
        }
        try {
            for (Map.Entry<String, GraphitePaths.NodeSamples> entry : mapped.byNode().entrySet()) {
                KnownNode node = node(entry.getKey(), now);
                GraphitePaths.NodeSamples samples = entry.getValue();
                events.published(new MetricBatch(node.organizationId, node.nodeId, SOURCE, 0, samples.metrics(),
                        samples.timestamps(), samples.values()));
            }
        } catch (RuntimeException e) {
            ServiceLog.graphiteNotStored(batch.remoteAddress(), e);
            throw new BatchNotStoredException("the server could not store the lines now", e);
        }
    }

    private KnownNode node(String name, Instant now) {
        KnownNode node = known.get(name);
        if (node == null || node.touched.plus(TOUCH_EVERY).isBefore(now)) {
            GraphiteNodes.NodeKey key = nodes.node(organization, name);
            node = new KnownNode(key.organizationId(), key.nodeId(), now);
            known.put(name, node);
        }
        return node;
    }

    private record KnownNode(long organizationId, long nodeId, Instant touched) {
    }
}

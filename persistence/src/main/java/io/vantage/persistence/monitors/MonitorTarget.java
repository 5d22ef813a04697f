package io.vantage.persistence.monitors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A monitor applied to one node: the monitor applier's answer to "which nodes does this query select now". */
@Entity
@Table(name = "monitor_targets")
@IdClass(MonitorTarget.Key.class)
public class MonitorTarget {

    @Id
    @Column(name = "monitor_id")
    private long monitorId;

    @Id
    @Column(name = "node_id")
    private long nodeId;

    @Column(name = "applied_at", nullable = false)
    private Instant appliedAt;

    protected MonitorTarget() {
        // for JPA
    }

    public MonitorTarget(long monitorId, long nodeId, Instant appliedAt) {
        this.monitorId = monitorId;
        this.nodeId = nodeId;
        this.appliedAt = appliedAt;
    }

    public long getMonitorId() {
        return monitorId;
    }

    public long getNodeId() {
        return nodeId;
    }

    public Instant getAppliedAt() {
        return appliedAt;
    }

    /** The composite identity: one row per monitor and node. */
    public static class Key implements Serializable {
        private long monitorId;
        private long nodeId;

        public Key() {
        }

        public Key(long monitorId, long nodeId) {
            this.monitorId = monitorId;
            this.nodeId = nodeId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && other.monitorId == monitorId && other.nodeId == nodeId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(monitorId, nodeId);
        }
    }
}

package io.vantage;

import org.jboss.logging.Logger;

/**
 * The services' coded log messages, ids VANTAGE-SVC-0001 to 0999: one method per message so that each id says one
 * thing and operators can search for it.
 */
public final class ServiceLog {

    private static final Logger LOG = Logger.getLogger("io.vantage.service");

    private ServiceLog() {
    }

    public static void schemaMigrated(int applied, String version) {
        LOG.infof("VANTAGE-SVC-0001: relational schema at version %s (%d migrations applied now)", version, applied);
    }

    public static void bootstrapAdminCreated(String username, boolean defaultPassword) {
        if (defaultPassword) {
            LOG.warnf("VANTAGE-SVC-0002: created the first administrator '%s' with the DEFAULT password; set "
                    + "vantage.bootstrap.admin-password before first start, or change it now", username);
        } else {
            LOG.infof("VANTAGE-SVC-0002: created the first administrator '%s'", username);
        }
    }

    public static void cassandraConnected(String contactPoints, String keyspace) {
        LOG.infof("VANTAGE-SVC-0010: connected to Cassandra at %s, keyspace %s", contactPoints, keyspace);
    }

    public static void cassandraUnavailable(String contactPoints, String reason) {
        LOG.warnf("VANTAGE-SVC-0011: Cassandra at %s is unavailable (%s); samples wait in the JMS topic and storage "
                + "retries", contactPoints, reason);
    }

    public static void cqlScriptApplied(String script) {
        LOG.infof("VANTAGE-SVC-0012: applied CQL schema script %s", script);
    }

    public static void hourCompacted(long organizationId, long nodeId, java.time.Instant hour, int samples,
                                     java.time.Duration took) {
        LOG.debugf("VANTAGE-SVC-0013: compacted node %d (organization %d) hour %s: %d samples from the log into "
                + "blocks in %d ms", nodeId, organizationId, hour, samples, took.toMillis());
    }

    public static void compactionFailed(long organizationId, long nodeId, java.time.Instant hour, Throwable cause) {
        LOG.warnf(cause, "VANTAGE-SVC-0014: could not compact node %d (organization %d) hour %s; its samples stay "
                + "readable in the sample log and the next round tries again", nodeId, organizationId, hour);
    }

    public static void compactionPostponed(String reason) {
        LOG.debugf("VANTAGE-SVC-0015: sample compaction postponed: %s", reason);
    }

    public static void agentAdmitted(String agentId, String hostname, String address) {
        LOG.debugf("VANTAGE-SVC-0020: agent %s admitted for node %s from %s", agentId, hostname, address);
    }

    public static void agentRejected(String agentId, String address, String reason) {
        LOG.infof("VANTAGE-SVC-0021: agent %s from %s rejected: %s", agentId, address, reason);
    }

    public static void batchRejected(String agentId, long sequence, String reason) {
        LOG.infof("VANTAGE-SVC-0022: batch %d of agent %s rejected: %s", sequence, agentId, reason);
    }

    public static void batchNotStored(String agentId, long sequence, Throwable cause) {
        LOG.warnf(cause, "VANTAGE-SVC-0023: batch %d of agent %s not stored; the agent will resend it", sequence, agentId);
    }

    public static void storageFailed(String batch, Throwable cause) {
        LOG.warnf("VANTAGE-SVC-0030: storing %s failed (%s); it and every batch that fails after it are redelivered "
                + "until the store answers; further failures are counted in VANTAGE-SVC-0032", batch, cause.toString());
    }

    public static void storageStillFailing(long failures, java.time.Duration lasted, Throwable lastCause) {
        LOG.warnf("VANTAGE-SVC-0032: storing samples still fails after %.0f s: %d attempts failed and were rolled "
                + "back for redelivery (last: %s)", lasted.toMillis() / 1000.0, failures, lastCause.toString());
    }

    public static void storageRecovered(long failures, java.time.Duration lasted) {
        LOG.infof("VANTAGE-SVC-0033: storing samples works again after %.1f s; the %d failed attempts were redelivered",
                lasted.toMillis() / 1000.0, failures);
    }

    public static void undecodableMessage(String messageId, String reason) {
        LOG.errorf("VANTAGE-SVC-0031: metric message %s cannot be decoded (%s); dropped", messageId, reason);
    }

    public static void graphiteLinesDropped(String from, int unmapped, int outOfTime) {
        LOG.debugf("VANTAGE-SVC-0040: Graphite lines from %s dropped: %d name no node and metric, %d outside the "
                + "kept time range", from, unmapped, outOfTime);
    }

    public static void graphiteNotStored(String from, Throwable cause) {
        LOG.warnf("VANTAGE-SVC-0041: Graphite lines from %s not stored (%s); the connector offers them again", from,
                cause.toString());
    }
}

package io.vantage.agent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The agent's validated settings (see {@link ConfigKey} for what each means).
 *
 * @param servers           the servers to connect to, tried in order, at least one
 * @param agentId           the agent's identifier
 * @param agentKey          the agent's secret key
 * @param hostname          the name this machine is reported as
 * @param interval          the time between two collections
 * @param spoolDir          where unacknowledged batches and the last sequence survive restarts, or {@code null}
 *                          to keep them in memory only
 * @param maxPendingBatches how many unacknowledged batches memory holds when there is no spool dir
 * @param spoolMaxBytes     how many bytes of batch files the spool dir holds
 * @param checksDir         the directory of external check definitions, or {@code null} to run no checks
 * @param tls               how to verify the server over TLS, or {@code null} to connect over plain TCP
 * @param inodeInterval     the least time between two inode counts, {@link Duration#ZERO} to count none
 */
public record AgentConfig(List<ServerAddress> servers, String agentId, String agentKey, String hostname,
                          Duration interval, Path spoolDir, int maxPendingBatches, long spoolMaxBytes,
                          Path checksDir, TlsSettings tls, Duration inodeInterval) {

    /** The default time between two inode counts. */
    public static final Duration DEFAULT_INODE_INTERVAL = Duration.ofSeconds(60);

    public AgentConfig {
        servers = List.copyOf(servers);
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("at least one server");
        }
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(agentKey, "agentKey");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(inodeInterval, "inodeInterval");
    }

    /** Settings with inodes counted every {@link #DEFAULT_INODE_INTERVAL}, for code that predates the setting. */
    public AgentConfig(List<ServerAddress> servers, String agentId, String agentKey, String hostname,
                       Duration interval, Path spoolDir, int maxPendingBatches, long spoolMaxBytes, Path checksDir,
                       TlsSettings tls) {
        this(servers, agentId, agentKey, hostname, interval, spoolDir, maxPendingBatches, spoolMaxBytes, checksDir,
                tls, DEFAULT_INODE_INTERVAL);
    }

    /** Keeps the key out of logs. */
    @Override
    public String toString() {
        return "AgentConfig[servers=" + servers + ", agentId=" + agentId + ", hostname=" + hostname + ", interval="
                + interval + ", spoolDir=" + spoolDir + ", maxPendingBatches=" + maxPendingBatches
                + ", spoolMaxBytes=" + spoolMaxBytes + ", checksDir=" + checksDir + ", tls=" + tls + ", inodeInterval="
                + inodeInterval + "]";
    }
}

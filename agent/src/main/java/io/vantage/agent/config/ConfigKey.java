package io.vantage.agent.config;

/**
 * Every setting of the agent in one place: its key in the properties file (also its command-line flag, with
 * {@code --} in front), the environment variable that may carry it, and its default.
 */
public enum ConfigKey {
    SERVER("server", null, "127.0.0.1:7070",
            "host:port of the Vantage server; a comma-separated list to fail over between"),
    TLS("tls", null, "false", "true to connect over TLS, verifying the server's certificate and name "
            + "(the server's agent port must be set up for TLS too)"),
    TLS_TRUST_STORE("tls-trust-store", null, null, "certificates to verify the server with: a PKCS12 or JKS "
            + "trust store, or a PEM file (default: the JDK's trust store)"),
    TLS_TRUST_STORE_PASSWORD("tls-trust-store-password", "VANTAGE_AGENT_TLS_TRUST_STORE_PASSWORD", null,
            "password of the trust store, when it has one"),
    TLS_SERVER_NAME("tls-server-name", null, null,
            "name the server's certificate must carry (default: the host of each server address)"),
    AGENT_ID("agent-id", "VANTAGE_AGENT_ID", null, "the agent's identifier, issued with its key (required)"),
    AGENT_KEY("agent-key", "VANTAGE_AGENT_KEY", null, "the agent's secret key (required)"),
    HOSTNAME("hostname", null, null, "the name this machine is reported as (default: the machine's hostname)"),
    INTERVAL_SECONDS("interval-seconds", null, "10", "seconds between two collections, 1 to 3600"),
    INODE_INTERVAL_SECONDS("inode-interval-seconds", null, "60",
            "least seconds between two inode counts (each runs df once), 0 to 86400; 0 counts none"),
    SPOOL_DIR("spool-dir", null, null,
            "directory that keeps unacknowledged batches and the last sequence across restarts (optional)"),
    MAX_PENDING_BATCHES("max-pending-batches", null, "1000",
            "unacknowledged batches kept in memory without a spool dir; the oldest go first"),
    SPOOL_MAX_MB("spool-max-mb", null, "64",
            "megabytes of disk the spool dir may fill with batch files; the oldest go first"),
    CHECKS_DIR("checks-dir", null, null,
            "directory of *.check files defining Nagios-compatible external checks (optional)");

    private final String key;
    private final String envVar;
    private final String defaultValue;
    private final String description;

    ConfigKey(String key, String envVar, String defaultValue, String description) {
        this.key = key;
        this.envVar = envVar;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The key in the properties file. */
    public String key() {
        return key;
    }

    /** The command-line flag. */
    public String flag() {
        return "--" + key;
    }

    /** The environment variable that may set this, or {@code null}. */
    public String envVar() {
        return envVar;
    }

    /** The value when nothing sets one, or {@code null} when there is none. */
    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** The setting with this properties key, or {@code null}. */
    public static ConfigKey ofKey(String key) {
        for (ConfigKey candidate : values()) {
            if (candidate.key.equals(key)) {
                return candidate;
            }
        }
        return null;
    }
}

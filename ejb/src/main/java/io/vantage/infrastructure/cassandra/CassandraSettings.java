package io.vantage.infrastructure.cassandra;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Where Cassandra is and how Vantage uses it, read from system properties that WildFly's management model holds
 * (see {@code wildfly-config}), so pointing Vantage at a real cluster is a configuration change.
 *
 * @param contactPoints     {@code vantage.cassandra.contact-points}: host:port, comma-separated
 * @param localDatacenter   {@code vantage.cassandra.local-datacenter}
 * @param keyspace          {@code vantage.cassandra.keyspace}
 * @param replicationFactor {@code vantage.cassandra.replication-factor}, used when Vantage creates the keyspace
 */
public record CassandraSettings(List<InetSocketAddress> contactPoints, String localDatacenter, String keyspace,
                                int replicationFactor) {

    static final int DEFAULT_PORT = 9042;

    public static CassandraSettings from(Properties properties) {
        String keyspace = properties.getProperty("vantage.cassandra.keyspace", "vantage");
        if (!keyspace.matches("[a-z][a-z0-9_]{0,47}")) {
            throw new IllegalArgumentException("vantage.cassandra.keyspace '" + keyspace
                    + "' must be lowercase letters, digits and _ (at most 48), starting with a letter");
        }
        String factor = properties.getProperty("vantage.cassandra.replication-factor", "1");
        int replicationFactor;
        try {
            replicationFactor = Integer.parseInt(factor.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("vantage.cassandra.replication-factor '" + factor + "' is not a number");
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("vantage.cassandra.replication-factor must be at least 1");
        }
        return new CassandraSettings(
                parseContactPoints(properties.getProperty("vantage.cassandra.contact-points", "127.0.0.1:9042")),
                properties.getProperty("vantage.cassandra.local-datacenter", "datacenter1"),
                keyspace, replicationFactor);
    }

    static List<InetSocketAddress> parseContactPoints(String value) {
        List<InetSocketAddress> points = new ArrayList<>();
        for (String entry : value.split(",")) {
            String point = entry.trim();
            if (point.isEmpty()) {
                continue;
            }
            int colon = point.lastIndexOf(':');
            String host = colon < 0 ? point : point.substring(0, colon);
            int port = DEFAULT_PORT;
            if (colon >= 0) {
                try {
                    port = Integer.parseInt(point.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("contact point '" + point + "' has no valid port");
                }
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("contact point '" + point + "' has port out of range");
            }
            points.add(InetSocketAddress.createUnresolved(host, port));
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("vantage.cassandra.contact-points names no host");
        }
        return List.copyOf(points);
    }

    /** The contact points as an operator writes them. */
    public String describeContactPoints() {
        return String.join(",", contactPoints.stream().map(p -> p.getHostString() + ":" + p.getPort()).toList());
    }
}

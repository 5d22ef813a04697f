package io.vantage.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Counts stored samples in Cassandra with the Java driver: lists the partitions of {@code samples}
 * ((org_id, node_id, metric, day), a scan of partition keys only) and runs {@code SELECT count(*)} on each whose
 * metric starts with a prefix (each benchmark step writes its own metric prefix).
 */
final class SampleCounter implements AutoCloseable {

    private final CqlSession session;
    private final PreparedStatement count;

    SampleCounter(String hostPort, String keyspace) {
        String[] parts = hostPort.split(":");
        session = CqlSession.builder()
                .addContactPoint(new InetSocketAddress(parts[0], Integer.parseInt(parts[1])))
                .withLocalDatacenter("datacenter1")
                .withKeyspace(keyspace)
                .build();
        count = session.prepare(SimpleStatement.newInstance("SELECT count(*) FROM samples WHERE org_id = ? AND "
                + "node_id = ? AND metric = ? AND day = ?").setTimeout(Duration.ofSeconds(30)));
    }

    long count(String metricPrefix) {
        long total = 0;
        for (Row partition : session.execute(SimpleStatement.newInstance(
                "SELECT DISTINCT org_id, node_id, metric, day FROM samples").setTimeout(Duration.ofSeconds(60))
                .setPageSize(5000))) {
            String metric = partition.getString("metric");
            if (metric != null && metric.startsWith(metricPrefix)) {
                total += session.execute(count.bind(partition.getLong("org_id"), partition.getLong("node_id"),
                        metric, partition.getInt("day"))).one().getLong(0);
            }
        }
        return total;
    }

    @Override
    public void close() {
        session.close();
    }
}

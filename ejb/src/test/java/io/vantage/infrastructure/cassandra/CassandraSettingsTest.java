package io.vantage.infrastructure.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class CassandraSettingsTest {

    @Test
    void defaults_point_at_a_local_single_node() {
        CassandraSettings settings = CassandraSettings.from(new Properties());
        assertEquals("127.0.0.1:9042", settings.describeContactPoints());
        assertEquals("vantage", settings.keyspace());
        assertEquals("datacenter1", settings.localDatacenter());
        assertEquals(1, settings.replicationFactor());
    }

    @Test
    void several_contact_points_with_and_without_ports_are_read() {
        Properties properties = new Properties();
        properties.setProperty("vantage.cassandra.contact-points", "db1:19042, db2");
        assertEquals("db1:19042,db2:9042", CassandraSettings.from(properties).describeContactPoints());
    }

    @Test
    void a_bad_port_keyspace_or_factor_is_refused_with_the_setting_named() {
        assertRefused("vantage.cassandra.contact-points", "db1:port");
        assertRefused("vantage.cassandra.contact-points", " , ");
        assertRefused("vantage.cassandra.keyspace", "Drop;Table");
        assertRefused("vantage.cassandra.replication-factor", "0");
    }

    @Test
    void cql_scripts_split_into_statements_without_comments() {
        List<String> statements = CassandraSchema.statements("-- a comment\nCREATE TABLE a (x int PRIMARY KEY);\n"
                + "\nCREATE TABLE b (\n  y int PRIMARY KEY\n);\n");
        assertEquals(List.of("CREATE TABLE a (x int PRIMARY KEY)", "CREATE TABLE b (\n  y int PRIMARY KEY\n)"),
                statements);
    }

    private static void assertRefused(String key, String value) {
        Properties properties = new Properties();
        properties.setProperty(key, value);
        assertThrows(IllegalArgumentException.class, () -> CassandraSettings.from(properties));
    }
}

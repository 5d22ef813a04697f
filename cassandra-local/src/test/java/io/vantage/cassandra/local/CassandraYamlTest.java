package io.vantage.cassandra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassandraYamlTest {

    @TempDir
    Path dir;

    @Test
    void writesTheMinimalSingleNodeConfigurationIntoTheDataDirectory() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        LocalCassandraConfig config = LocalCassandraConfig.builder()
                .home(TestHomes.withoutCassandra(dir.resolve("home")))
                .dataDir(data).cqlPort(19142).storagePort(17100).jmxPort(17299).build();

        Path yaml = CassandraYaml.write(config);

        assertEquals(data.resolve("cassandra.yaml"), yaml);
        List<String> lines = Files.readAllLines(yaml);
        String d = data.toString().replace('\\', '/');
        for (String expected : List.of(
                "cluster_name: \"Vantage Local\"",
                "num_tokens: 16",
                "allocate_tokens_for_local_replication_factor: 1",
                "partitioner: org.apache.cassandra.dht.Murmur3Partitioner",
                "endpoint_snitch: SimpleSnitch",
                "  - class_name: org.apache.cassandra.locator.SimpleSeedProvider",
                "      - seeds: \"127.0.0.1:17100\"",
                "listen_address: 127.0.0.1",
                "rpc_address: 127.0.0.1",
                "storage_port: 17100",
                "native_transport_port: 19142",
                "  - \"" + d + "/data\"",
                "commitlog_directory: \"" + d + "/commitlog\"",
                "saved_caches_directory: \"" + d + "/saved_caches\"",
                "hints_directory: \"" + d + "/hints\"",
                "cdc_raw_directory: \"" + d + "/cdc_raw\"",
                "commitlog_sync: periodic",
                "commitlog_sync_period: 10000ms",
                "authenticator: AllowAllAuthenticator",
                "authorizer: AllowAllAuthorizer",
                "auto_snapshot: false")) {
            assertTrue(lines.contains(expected), "missing line: " + expected);
        }
        assertFalse(String.join("\n", lines).contains("{{"), "placeholders left");
    }

    @Test
    void escapesValuesForDoubleQuotedYaml() {
        String yaml = CassandraYaml.render("a: \"{{cluster_name}}\"", Map.of("cluster_name", "say \"hi\" \\o/"));

        assertEquals("a: \"say \\\"hi\\\" \\\\o/\"", yaml);
    }

    @Test
    void anUnknownPlaceholderIsAnErrorNotAnEmptyValue() {
        LocalCassandraException e = assertThrows(LocalCassandraException.class,
                () -> CassandraYaml.render("x: {{nope}}", Map.of()));

        assertEquals(CasMessage.BAD_TEMPLATE, e.reason());
        assertTrue(e.getMessage().contains("{{nope}}"));
    }
}

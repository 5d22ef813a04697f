package io.vantage.infrastructure.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The versioned CQL scripts the application applies at start are all shipped and each splits into statements. */
class CassandraSchemaScriptsTest {

    @Test
    void every_listed_script_is_on_the_class_path_and_splits_into_statements() throws IOException {
        for (String script : CassandraSchema.SCRIPTS) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("cql/" + script)) {
                assertNotNull(in, "cql/" + script + " is shipped");
                List<String> statements = CassandraSchema.statements(new String(in.readAllBytes(),
                        StandardCharsets.UTF_8));
                assertTrue(!statements.isEmpty(), script);
            }
        }
    }

    @Test
    void the_check_results_script_creates_the_history_and_the_latest_table() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("cql/V3__check_results.cql")) {
            List<String> statements = CassandraSchema.statements(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertEquals(2, statements.size());
            // applying it twice (a start interrupted before it was recorded) changes nothing
            statements.forEach(statement -> assertTrue(statement.startsWith("CREATE TABLE IF NOT EXISTS"), statement));
            assertTrue(statements.get(0).contains("check_results (") && statements.get(0).contains("finished_at DESC"));
            assertTrue(statements.get(1).contains("latest_check_results ("));
        }
    }
}

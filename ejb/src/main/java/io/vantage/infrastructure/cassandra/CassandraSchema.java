package io.vantage.infrastructure.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.vantage.ServiceLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the versioned CQL scripts shipped in {@code cql/} of the persistence module, in order, each once, and
 * records them in the keyspace's {@code schema_migrations} table. Scripts only add, like the SQL migrations.
 */
final class CassandraSchema {

    /** The script that moved samples from a row each to packed rows; version 1's rows are read up to its day. */
    static final String SAMPLE_LOG_SCRIPT = "V2__sample_log.cql";
    /** Every script, oldest first. A new schema version appends here. */
    static final List<String> SCRIPTS = List.of("V1__samples.cql", SAMPLE_LOG_SCRIPT, "V3__check_results.cql");
    private static final Duration DDL_TIMEOUT = Duration.ofSeconds(60);

    private CassandraSchema() {
    }

    /** Creates the keyspace when it does not exist yet; run on a session without a keyspace. */
    static void createKeyspace(CqlSession session, CassandraSettings settings) {
        execute(session, "CREATE KEYSPACE IF NOT EXISTS " + settings.keyspace() + " WITH replication = "
                + "{'class': 'NetworkTopologyStrategy', '" + settings.localDatacenter() + "': "
                + settings.replicationFactor() + "}");
    }

    /** Applies the scripts not yet applied; run on a session bound to the keyspace. */
    static void apply(CqlSession session) {
        execute(session, "CREATE TABLE IF NOT EXISTS schema_migrations (script text PRIMARY KEY, applied_at timestamp)");
        for (String script : SCRIPTS) {
            boolean applied = session.execute(
                    SimpleStatement.newInstance("SELECT script FROM schema_migrations WHERE script = ?", script))
                    .one() != null;
            if (applied) {
                continue;
            }
            for (String statement : statements(read(script))) {
                execute(session, statement);
            }
            session.execute(SimpleStatement.newInstance(
                    "INSERT INTO schema_migrations (script, applied_at) VALUES (?, ?)", script, Instant.now()));
            ServiceLog.cqlScriptApplied(script);
        }
    }

    /** The statements of a script: comments dropped, split at semicolons that end a line. */
    static List<String> statements(String script) {
        StringBuilder current = new StringBuilder();
        List<String> statements = new ArrayList<>();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalArgumentException("CQL script ends inside a statement: " + current);
        }
        return statements;
    }

    private static String read(String script) {
        try (InputStream in = CassandraSchema.class.getClassLoader().getResourceAsStream("cql/" + script)) {
            if (in == null) {
                throw new IllegalStateException("CQL script cql/" + script + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void execute(CqlSession session, String cql) {
        session.execute(SimpleStatement.newInstance(cql).setTimeout(DDL_TIMEOUT));
    }
}

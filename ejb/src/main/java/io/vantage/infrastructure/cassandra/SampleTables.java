package io.vantage.infrastructure.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * The sample tables as the current session sees them: the session, its prepared statements, and the last day
 * version 1 of the schema may have stored samples on. Renewed when the session is.
 */
@ApplicationScoped
public class SampleTables {

    /** What the sample code needs of one session. */
    record Bound(CqlSession session, SampleStatements cql, int lastVersion1Day) {
    }

    @Inject
    CassandraSessions sessions;

    private volatile Bound bound;

    /**
     * @throws StorageUnavailableException while Cassandra has not been reached
     */
    Bound bound() {
        CqlSession session = sessions.session();
        Bound current = bound;
        if (current == null || current.session() != session) {
            current = new Bound(session, new SampleStatements(session), lastVersion1Day(session));
            bound = current;
        }
        return current;
    }

    private static int lastVersion1Day(CqlSession session) {
        Row applied = session.execute(SimpleStatement.newInstance(
                "SELECT applied_at FROM schema_migrations WHERE script = ?", CassandraSchema.SAMPLE_LOG_SCRIPT)).one();
        Instant upgraded = applied == null || applied.getInstant(0) == null ? Instant.now() : applied.getInstant(0);
        return SampleHours.dayOf(upgraded.toEpochMilli());
    }
}

package io.vantage.infrastructure.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;

/** The sample tables' statements, prepared once per session. */
final class SampleStatements {

    final CqlSession session;
    final PreparedStatement insertSample;
    final PreparedStatement upsertLatest;
    final PreparedStatement selectSamples;
    final PreparedStatement selectLatest;

    SampleStatements(CqlSession session) {
        this.session = session;
        insertSample = session.prepare(
                "INSERT INTO samples (org_id, node_id, metric, day, ts, value) VALUES (?, ?, ?, ?, ?, ?)");
        upsertLatest = session.prepare(
                "INSERT INTO latest_samples (org_id, node_id, metric, ts, value) VALUES (?, ?, ?, ?, ?) USING TIMESTAMP ?");
        selectSamples = session.prepare("SELECT ts, value FROM samples WHERE org_id = ? AND node_id = ? AND metric = ?"
                + " AND day = ? AND ts >= ? AND ts < ? LIMIT ?");
        selectLatest = session.prepare(
                "SELECT metric, ts, value FROM latest_samples WHERE org_id = ? AND node_id = ?");
    }
}

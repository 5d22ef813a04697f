package io.vantage.infrastructure.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;

/** The check result tables' statements ({@code V3__check_results.cql}), prepared once per session. */
final class CheckResultStatements {

    static final String COLUMNS = "check_name, finished_at, status, text, duration_ms";

    final CqlSession session;
    final PreparedStatement insertResult;
    final PreparedStatement upsertLatest;
    final PreparedStatement selectHistory;
    final PreparedStatement selectLatest;
    final PreparedStatement selectLatestOfCheck;

    CheckResultStatements(CqlSession session) {
        this.session = session;
        insertResult = session.prepare("INSERT INTO check_results (org_id, node_id, check_name, day, finished_at, "
                + "status, text, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?) USING TTL ?");
        upsertLatest = session.prepare("INSERT INTO latest_check_results (org_id, node_id, check_name, finished_at, "
                + "status, text, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?) USING TTL ? AND TIMESTAMP ?");
        selectHistory = session.prepare("SELECT " + COLUMNS + " FROM check_results WHERE org_id = ? AND node_id = ?"
                + " AND check_name = ? AND day = ? LIMIT ?");
        selectLatest = session.prepare("SELECT " + COLUMNS + " FROM latest_check_results WHERE org_id = ?"
                + " AND node_id = ?");
        selectLatestOfCheck = session.prepare("SELECT " + COLUMNS + " FROM latest_check_results WHERE org_id = ?"
                + " AND node_id = ? AND check_name = ?");
    }
}

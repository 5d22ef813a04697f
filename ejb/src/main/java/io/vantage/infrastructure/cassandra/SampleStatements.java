package io.vantage.infrastructure.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;

/** The sample tables' statements, prepared once per session. */
final class SampleStatements {

    final CqlSession session;
    final PreparedStatement insertLog;
    final PreparedStatement markHourByHour;
    final PreparedStatement markHourByNode;
    final PreparedStatement selectLog;
    final PreparedStatement selectLogHoursOfNode;
    final PreparedStatement selectLogNodesOfHour;
    final PreparedStatement selectBlocks;
    final PreparedStatement selectBlock;
    final PreparedStatement insertBlock;
    final PreparedStatement deleteLogHour;
    final PreparedStatement unmarkHourByHour;
    final PreparedStatement unmarkHourByNode;
    final PreparedStatement upsertLatestShard;
    final PreparedStatement selectLatestShard;
    final PreparedStatement selectLatestShards;
    final PreparedStatement selectVersion1Samples;
    final PreparedStatement selectVersion1Latest;

    SampleStatements(CqlSession session) {
        this.session = session;
        insertLog = session.prepare("INSERT INTO sample_log (org_id, node_id, hour, first_ts, agent_id, sequence, "
                + "digest, samples) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        markHourByHour = session.prepare("INSERT INTO log_hours_by_hour (hour, org_id, node_id) VALUES (?, ?, ?)");
        markHourByNode = session.prepare("INSERT INTO log_hours_by_node (org_id, node_id, hour) VALUES (?, ?, ?)");
        selectLog = session.prepare("SELECT samples FROM sample_log WHERE org_id = ? AND node_id = ? AND hour = ?");
        selectLogHoursOfNode = session.prepare("SELECT hour FROM log_hours_by_node WHERE org_id = ? AND node_id = ?"
                + " AND hour >= ? AND hour <= ?");
        selectLogNodesOfHour = session.prepare("SELECT org_id, node_id FROM log_hours_by_hour WHERE hour = ?");
        selectBlocks = session.prepare("SELECT hour, samples FROM sample_blocks WHERE org_id = ? AND node_id = ?"
                + " AND metric = ? AND day = ? AND hour >= ? AND hour <= ?");
        selectBlock = session.prepare("SELECT samples FROM sample_blocks WHERE org_id = ? AND node_id = ?"
                + " AND metric = ? AND day = ? AND hour = ?");
        insertBlock = session.prepare("INSERT INTO sample_blocks (org_id, node_id, metric, day, hour, samples)"
                + " VALUES (?, ?, ?, ?, ?, ?) USING TTL ?");
        deleteLogHour = session.prepare("DELETE FROM sample_log USING TIMESTAMP ? WHERE org_id = ? AND node_id = ?"
                + " AND hour = ?");
        unmarkHourByHour = session.prepare("DELETE FROM log_hours_by_hour USING TIMESTAMP ? WHERE hour = ?"
                + " AND org_id = ? AND node_id = ?");
        unmarkHourByNode = session.prepare("DELETE FROM log_hours_by_node USING TIMESTAMP ? WHERE org_id = ?"
                + " AND node_id = ? AND hour = ?");
        upsertLatestShard = session.prepare(
                "INSERT INTO latest_packed (org_id, node_id, shard, samples) VALUES (?, ?, ?, ?)");
        selectLatestShard = session.prepare(
                "SELECT samples FROM latest_packed WHERE org_id = ? AND node_id = ? AND shard = ?");
        selectLatestShards = session.prepare("SELECT samples FROM latest_packed WHERE org_id = ? AND node_id = ?");
        selectVersion1Samples = session.prepare("SELECT ts, value FROM samples WHERE org_id = ? AND node_id = ?"
                + " AND metric = ? AND day = ? AND ts >= ? AND ts < ?");
        selectVersion1Latest = session.prepare(
                "SELECT metric, ts, value FROM latest_samples WHERE org_id = ? AND node_id = ?");
    }
}

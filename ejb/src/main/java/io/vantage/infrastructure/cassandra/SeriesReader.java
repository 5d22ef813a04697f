package io.vantage.infrastructure.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.vantage.persistence.metrics.PackedSamples;
import io.vantage.persistence.metrics.SamplePoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads one series over a time range, day by day, from the three places its samples can be: the hour blocks the
 * compactor wrote, the sample log (hours not compacted yet, and late samples of hours that were), and version 1's
 * row-per-sample table for days up to the upgrade. A sample found in two places is the same sample written twice,
 * kept once.
 */
final class SeriesReader {

    private final CqlSession session;
    private final SampleStatements cql;
    private final int lastVersion1Day;

    /**
     * @param lastVersion1Day the last day version 1 could have written samples on (the day version 2's schema was
     *                        applied); earlier days are also read from version 1's table
     */
    SeriesReader(CqlSession session, SampleStatements cql, int lastVersion1Day) {
        this.session = session;
        this.cql = cql;
        this.lastVersion1Day = lastVersion1Day;
    }

    List<SamplePoint> read(long organizationId, long nodeId, String metric, Instant from, Instant to, int limit) {
        List<SamplePoint> points = new ArrayList<>();
        long fromMillis = from.toEpochMilli();
        long toMillis = to.toEpochMilli();
        if (toMillis <= fromMillis || limit <= 0) {
            return points;
        }
        int firstHour = SampleHours.hourOf(fromMillis);
        int lastHour = SampleHours.hourOf(toMillis - 1);
        Set<Integer> logHours = new HashSet<>();
        for (Row row : session.execute(cql.selectLogHoursOfNode.bind(organizationId, nodeId, firstHour, lastHour))) {
            logHours.add(row.getInt(0));
        }
        for (int day = SampleHours.dayOfHour(firstHour); day <= SampleHours.dayOfHour(lastHour); day++) {
            TreeMap<Long, Double> found = new TreeMap<>();
            int dayFirstHour = Math.max(firstHour, day * SampleHours.HOURS_PER_DAY);
            int dayLastHour = Math.min(lastHour, (day + 1) * SampleHours.HOURS_PER_DAY - 1);
            if (day <= lastVersion1Day) {
                for (Row row : session.execute(cql.selectVersion1Samples.bind(organizationId, nodeId, metric, day,
                        from, to))) {
                    found.put(row.getInstant(0).toEpochMilli(), row.getDouble(1));
                }
            }
            for (Row row : session.execute(cql.selectBlocks.bind(organizationId, nodeId, metric, day, dayFirstHour,
                    dayLastHour))) {
                unpackInto(Blobs.bytes(row.getByteBuffer(1)), metric, fromMillis, toMillis, found);
            }
            for (int hour = dayFirstHour; hour <= dayLastHour; hour++) {
                if (logHours.contains(hour)) {
                    for (Row row : session.execute(cql.selectLog.bind(organizationId, nodeId, hour))) {
                        unpackInto(Blobs.bytes(row.getByteBuffer(0)), metric, fromMillis, toMillis, found);
                    }
                }
            }
            for (Map.Entry<Long, Double> point : found.entrySet()) {
                if (points.size() == limit) {
                    return points;
                }
                points.add(new SamplePoint(Instant.ofEpochMilli(point.getKey()), point.getValue()));
            }
        }
        return points;
    }

    private static void unpackInto(byte[] packed, String metric, long fromMillis, long toMillis,
                                   TreeMap<Long, Double> found) {
        PackedSamples.unpack(packed, metric, (name, epochMillis, value) -> {
            if (epochMillis >= fromMillis && epochMillis < toMillis) {
                found.put(epochMillis, value);
            }
        });
    }
}

package io.vantage.connector.api;

import java.io.Serializable;
import java.util.Objects;

/**
 * Lines read from one Graphite connection, in columns: line {@code i} said {@code paths[i] values[i]
 * timestamps[i]}, the timestamp converted from Graphite's seconds to epoch milliseconds.
 *
 * @param remoteAddress where the lines came from, for logs
 * @param paths         the dotted metric paths, as sent
 * @param timestamps    epoch milliseconds
 * @param values        finite values
 */
public record GraphiteBatch(String remoteAddress, String[] paths, long[] timestamps, double[] values)
        implements Serializable {

    public GraphiteBatch {
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        if (paths.length != timestamps.length || paths.length != values.length) {
            throw new IllegalArgumentException("columns differ in length: " + paths.length + ", "
                    + timestamps.length + ", " + values.length);
        }
    }

    public int size() {
        return paths.length;
    }

    @Override
    public String toString() {
        return "GraphiteBatch[from=" + remoteAddress + ", lines=" + paths.length + "]";
    }
}

package io.vantage.bench;

import java.util.Arrays;
import java.util.List;

/** Small statistics helpers for the report: the median of repeated runs. */
final class Stats {

    private Stats() {
    }

    /** The median; the mean of the two middle values for an even count; NaN for none. */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

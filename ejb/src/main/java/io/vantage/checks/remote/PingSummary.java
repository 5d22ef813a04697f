package io.vantage.checks.remote;

import java.util.OptionalDouble;

/**
 * The statistics block that iputils {@code ping} prints when it finishes.
 *
 * @param transmitted  packets sent
 * @param received     replies received
 * @param lossPercent  packet loss as ping reported it, 0-100
 * @param rttAvgMillis average round trip, absent when no reply came
 * @param rttMaxMillis longest round trip, absent when no reply came
 */
record PingSummary(int transmitted, int received, double lossPercent, OptionalDouble rttAvgMillis,
        OptionalDouble rttMaxMillis) {
}

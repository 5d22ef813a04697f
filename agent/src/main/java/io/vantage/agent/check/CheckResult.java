package io.vantage.agent.check;

import java.util.List;

/**
 * What one run of a check gave: kept as the check's last result and turned into samples for the next batch.
 *
 * @param status          from the exit code; UNKNOWN when the check could not run or timed out
 * @param text            the status text (first output line before {@code |}), or why the check could not run
 * @param perfData        the performance data, in base units; empty after a timeout or failure to start
 * @param durationSeconds from start to exit (or to the kill)
 * @param finishedMillis  the wall-clock time the run ended, the time its samples carry
 */
public record CheckResult(CheckStatus status, String text, List<PerfValue> perfData, double durationSeconds,
                          long finishedMillis) {

    public CheckResult {
        perfData = List.copyOf(perfData);
    }
}

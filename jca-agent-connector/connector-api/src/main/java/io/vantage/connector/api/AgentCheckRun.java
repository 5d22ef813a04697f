package io.vantage.connector.api;

import java.io.Serializable;
import java.util.Objects;

/**
 * One run of an agent's external (Nagios-compatible) check, as its {@link AgentBatch} brings it: what the plugin
 * said in words beside the {@code check.<name>.*} samples of the same batch. The connector hands it over as the agent
 * sent it, already within the protocol's bounds.
 *
 * @param check            the check's name, one metric name segment ({@code disk}, {@code http:8080})
 * @param status           0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN
 * @param text             the status text, at most 1 KiB of UTF-8 on one line
 * @param finishedAtMillis when the run ended, epoch milliseconds by the agent's clock
 * @param durationMillis   how long it ran
 */
public record AgentCheckRun(String check, int status, String text, long finishedAtMillis, long durationMillis)
        implements Serializable {

    public AgentCheckRun {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(text, "text");
    }
}

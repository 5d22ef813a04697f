package io.vantage.checks.remote;

/**
 * A check the Vantage server runs against a monitored node over the network. Implementations are immutable, so one
 * instance may be run repeatedly and from several threads.
 */
public interface RemoteCheck {

    /**
     * Runs the check once. Never throws: every failure, including bad luck with the network or the local machine,
     * becomes an outcome. Returns within the check's timeout plus a small margin.
     */
    CheckOutcome run();
}

package io.vantage.agent.check;

/**
 * The state a Nagios-compatible check reports through its exit code. The {@link #code()} is also the value of the
 * {@code check.<name>.status} metric, so dashboards can use the same 0..3 scale operators know from Nagios.
 */
public enum CheckStatus {
    OK,
    WARNING,
    CRITICAL,
    UNKNOWN;

    /** 0 for OK up to 3 for UNKNOWN, the plugin API's exit codes. */
    public int code() {
        return ordinal();
    }

    /**
     * The status an exit code stands for. Anything outside 0..3 (a crash, 126/127 from a wrapper script, a signal)
     * is {@link #UNKNOWN}: the plugin API defines no other states, and guessing would hide a broken check.
     */
    public static CheckStatus ofExitCode(int exitCode) {
        return exitCode >= 0 && exitCode <= 3 ? values()[exitCode] : UNKNOWN;
    }
}

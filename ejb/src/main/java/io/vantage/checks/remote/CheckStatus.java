package io.vantage.checks.remote;

/**
 * The verdict of one run of a remote check, in the order monitoring people know from Nagios.
 */
public enum CheckStatus {
    /** The target answered as expected. */
    OK,
    /** The target answered, but something is close to a limit (some packet loss, a certificate near expiry). */
    WARNING,
    /** The target did not answer, or answered wrongly. */
    CRITICAL,
    /** The check could not be evaluated at all, for example because the ping executable is missing. */
    UNKNOWN
}

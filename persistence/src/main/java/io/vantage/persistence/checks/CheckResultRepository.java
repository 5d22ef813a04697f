package io.vantage.persistence.checks;

import java.util.List;
import java.util.Optional;

/**
 * The results of the agents' external checks: the latest of each check of a node, and each check's recent history.
 * Storing the same result twice stores it once (a result is keyed by node, check and finish time), and an older
 * result arriving late never replaces a newer latest one, so agents may resend anything not yet acknowledged.
 */
public interface CheckResultRepository {

    /** Stores the results of one node durably; returns only when all are written. */
    void append(long organizationId, long nodeId, List<CheckResult> results);

    /** The newest result of every check the node has reported within the kept history, by check name. */
    List<CheckResult> latest(long organizationId, long nodeId);

    /** The newest result of one check of the node, if it reported within the kept history. */
    Optional<CheckResult> latest(long organizationId, long nodeId, String check);

    /** One check's results, newest first, at most {@code limit} of them and none older than the kept history. */
    List<CheckResult> history(long organizationId, long nodeId, String check, int limit);
}

package io.vantage.checks;

import io.vantage.InvalidInputException;
import io.vantage.UnknownIdException;
import io.vantage.persistence.checks.CheckResult;
import io.vantage.persistence.checks.CheckResultRepository;
import io.vantage.persistence.inventory.NodeRepository;
import io.vantage.security.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the results of a node's agent checks for the caller: the latest of each check, and one check's recent
 * history. Each query first checks that the node is the caller's, so another organization's results cannot be read by
 * guessing ids.
 */
@Stateless
public class NodeChecks {

    /** The most results one history query returns. */
    public static final int MAX_HISTORY = 1_000;
    private static final Pattern CHECK_NAME = Pattern.compile("[A-Za-z0-9_:-]{1,64}");

    @Inject
    NodeRepository nodes;

    @Inject
    CheckResultRepository results;

    /** The latest result of each of the node's checks, by name; empty when the node is not the caller's. */
    public Optional<List<CheckResult>> latest(Caller caller, long nodeId) {
        return nodes.find(caller.organizationId(), nodeId).map(node -> results.latest(caller.organizationId(), nodeId)
                .stream().sorted(Comparator.comparing(CheckResult::check)).toList());
    }

    /**
     * One check's latest result and its results before, newest first; empty when the node is not the caller's.
     *
     * @throws InvalidInputException when the name cannot be a check's or the limit is out of 1..{@value #MAX_HISTORY}
     * @throws UnknownIdException       when the node has no recent result of that check
     */
    public Optional<CheckHistory> history(Caller caller, long nodeId, String check, int limit) {
        if (check == null || !CHECK_NAME.matcher(check).matches()) {
            throw new InvalidInputException("'" + check + "' is not a check name (1 to 64 of A-Z a-z 0-9 _ - :)");
        }
        if (limit < 1 || limit > MAX_HISTORY) {
            throw new InvalidInputException("limit must be 1.." + MAX_HISTORY + ", was " + limit);
        }
        if (nodes.find(caller.organizationId(), nodeId).isEmpty()) {
            return Optional.empty();
        }
        CheckResult latest = results.latest(caller.organizationId(), nodeId, check)
                .orElseThrow(() -> new UnknownIdException("node " + nodeId + " has no check '" + check + "'"));
        return Optional.of(new CheckHistory(latest, results.history(caller.organizationId(), nodeId, check, limit)));
    }

    /**
     * A check's latest result and its recent ones.
     *
     * @param latest the newest result
     * @param recent the newest results, newest first, the latest among them
     */
    public record CheckHistory(CheckResult latest, List<CheckResult> recent) {
    }
}

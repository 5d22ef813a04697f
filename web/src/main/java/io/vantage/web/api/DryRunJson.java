package io.vantage.web.api;

import io.vantage.alerts.RuleDryRun;
import java.util.List;

/**
 * What a rule would have done on one node.
 *
 * @param nodeId   the node
 * @param nodeName its name
 * @param samples  how many stored samples were replayed
 * @param alerts   the changes it would have made, oldest first
 */
public record DryRunJson(long nodeId, String nodeName, int samples, List<Change> alerts) {

    /** One change of state the rule would have made. */
    public record Change(String at, String from, String to, String reason, Double value, boolean notified) {
    }

    static DryRunJson of(RuleDryRun.NodeReplay replay) {
        return new DryRunJson(replay.nodeId(), replay.nodeName(), replay.samples(), replay.transitions().stream()
                .map(t -> new Change(t.at().toString(), t.from().name(), t.to().name(), t.reason().name(), t.value(),
                        !t.quiet()))
                .toList());
    }
}

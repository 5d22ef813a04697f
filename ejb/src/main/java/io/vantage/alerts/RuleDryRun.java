package io.vantage.alerts;

import io.vantage.InvalidInputException;
import io.vantage.alerts.rules.AlertRule;
import io.vantage.alerts.rules.AlertTransition;
import io.vantage.alerts.rules.DryRun;
import io.vantage.alerts.rules.TimedValue;
import io.vantage.inventory.NodeSearch;
import io.vantage.inventory.query.NodeQueryParser;
import io.vantage.metrics.MetricQueries;
import io.vantage.monitors.MonitorDefinition;
import io.vantage.monitors.MonitorRules;
import io.vantage.persistence.inventory.Node;
import io.vantage.persistence.metrics.SampleRepository;
import io.vantage.security.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Replays a rule over the stored history of the nodes its query selects, before anyone saves it: "which alerts would
 * this have raised last week?". Nothing is written and nobody is notified.
 */
@Stateless
public class RuleDryRun {

    /** Replaying is read-heavy; a dry run looks at this many nodes at most. */
    public static final int MAX_NODES = 50;

    @Inject
    NodeSearch search;

    @Inject
    SampleRepository samples;

    /** What the rule would have done on one node. */
    public record NodeReplay(long nodeId, String nodeName, int samples, List<AlertTransition> transitions) {
    }

    public List<NodeReplay> replay(Caller caller, MonitorDefinition definition, Instant from, Instant to) {
        MonitorRules.validateQuery(definition.nodeQuery());
        if (definition.rule() == null || definition.metric() == null) {
            throw new InvalidInputException("a dry run needs a metric and a rule");
        }
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(MetricQueries.MAX_RANGE) > 0) {
            throw new InvalidInputException("from must be before to, at most " + MetricQueries.MAX_RANGE.toDays()
                    + " days apart");
        }
        AlertRule rule = MonitorRules.toAlertRule(MonitorRules.toSettings(definition.rule()));
        DryRun dryRun = new DryRun();
        List<Node> nodes = search.find(caller.organizationId(), NodeQueryParser.parse(definition.nodeQuery()),
                MAX_NODES);
        return nodes.stream().map(node -> {
            List<TimedValue> history = samples.samples(caller.organizationId(), node.getId(), definition.metric(),
                            from, to, MetricQueries.MAX_SAMPLES).stream()
                    .map(point -> new TimedValue(point.timestamp(), point.value()))
                    .toList();
            return new NodeReplay(node.getId(), node.getName(), history.size(), dryRun.replay(rule, history, to));
        }).toList();
    }
}

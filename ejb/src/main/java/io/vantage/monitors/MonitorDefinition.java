package io.vantage.monitors;

import io.vantage.persistence.alerts.Severity;
import io.vantage.persistence.monitors.Direction;
import java.util.Map;

/**
 * A monitor as people write it through the API or the console: what to watch, on which nodes, when to alert and who
 * hears about it. Validated by {@link MonitorRules} before anything is stored.
 *
 * @param name          unique within the organization
 * @param nodeQuery     which nodes, in the inventory query language ({@code tag:web AND os:linux})
 * @param metric        the metric the rule judges ({@code cpu.total.busy}, {@code http.response_ms}...)
 * @param rule          thresholds and timing
 * @param check         the remote check that produces the metric, or null for a metric agents send
 * @param planId        the notification plan, or null to record alerts without notifying
 * @param enabled       whether the monitor applies at all
 */
public record MonitorDefinition(String name, String nodeQuery, String metric, Rule rule, Check check, Long planId,
                                boolean enabled) {

    /**
     * When to alert. Null thresholds are absent; null clear levels equal their thresholds.
     *
     * @param consecutive      samples in a row beyond a level before the state changes (default 1)
     * @param sustainedSeconds and for at least this long (default 0)
     * @param noDataSeconds    silence after which the alert goes to {@code noDataSeverity}; null for never
     * @param flapMaxChanges   more state changes than this within {@code flapWindowSeconds} is flapping
     */
    public record Rule(Direction direction, Double warning, Double warningClear, Double critical, Double criticalClear,
                       Integer consecutive, Integer sustainedSeconds, Integer noDataSeconds, Severity noDataSeverity,
                       Integer flapMaxChanges, Integer flapWindowSeconds) {
    }

    /**
     * A remote check the server runs against each node.
     *
     * @param kind            {@code tcp}, {@code ping}, {@code http} or {@code dns}
     * @param settings        the check's settings ({@code port}, {@code url}...); {@code {address}} and
     *                        {@code {name}} in a value stand for the node's
     * @param intervalSeconds how often it runs on each node
     */
    public record Check(String kind, Map<String, String> settings, Integer intervalSeconds) {
    }
}

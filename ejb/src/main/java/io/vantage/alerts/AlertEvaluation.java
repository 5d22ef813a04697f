package io.vantage.alerts;

import io.vantage.alerts.rules.AlertRule;
import io.vantage.alerts.rules.AlertTransition;
import io.vantage.alerts.rules.Evaluation;
import io.vantage.alerts.rules.RuleEvaluator;
import io.vantage.alerts.rules.RuleState;
import io.vantage.alerts.rules.TimedValue;
import io.vantage.maintenance.MaintenanceCalendar;
import io.vantage.monitors.MonitorRules;
import io.vantage.persistence.alerts.Alert;
import io.vantage.persistence.alerts.AlertRepository;
import io.vantage.persistence.metrics.MetricBatch;
import io.vantage.persistence.monitors.Monitor;
import io.vantage.persistence.monitors.MonitorRepository;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges samples as they arrive: for each monitor applied to the batch's node whose metric the batch carries, the
 * alert's rule state is locked, the samples run through the rule in time order, and every resulting change is written
 * to the alert's history and published. Also fires the no-data rule for alerts whose samples stopped.
 */
@Stateless
public class AlertEvaluation {

    private final RuleEvaluator evaluator = new RuleEvaluator();

    @Inject
    MonitorRepository monitors;

    @Inject
    AppliedMonitors appliedMonitors;

    @Inject
    AlertRepository alerts;

    @Inject
    AlertHistory history;

    @Inject
    MaintenanceCalendar maintenance;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    /**
     * Picks the batch's samples that monitors of its node watch and judges them in one transaction; a batch nothing
     * watches (most of them) costs no transaction at all.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void evaluate(MetricBatch batch) {
        List<Monitor> applied = appliedMonitors.of(batch.nodeId());
        if (applied.isEmpty()) {
            return;
        }
        Map<String, List<Monitor>> byMetric = new HashMap<>();
        for (Monitor monitor : applied) {
            byMetric.computeIfAbsent(monitor.getMetric(), m -> new ArrayList<>()).add(monitor);
        }
        Map<String, List<TimedValue>> samples = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            if (byMetric.containsKey(batch.metrics()[i])) {
                samples.computeIfAbsent(batch.metrics()[i], m -> new ArrayList<>())
                        .add(new TimedValue(Instant.ofEpochMilli(batch.timestamps()[i]), batch.values()[i]));
            }
        }
        if (!samples.isEmpty()) {
            context.getBusinessObject(AlertEvaluation.class).judgeWatched(batch.nodeId(), byMetric, samples);
        }
    }

    /** Runs each metric's samples, in time order, through the rules of the monitors watching it; one transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void judgeWatched(long nodeId, Map<String, List<Monitor>> byMetric,
                             Map<String, List<TimedValue>> samples) {
        samples.forEach((metric, values) -> {
            values.sort(Comparator.comparing(TimedValue::at));
            for (Monitor monitor : byMetric.get(metric)) {
                judge(monitor, nodeId, values);
            }
        });
    }

    private void judge(Monitor monitor, long nodeId, List<TimedValue> values) {
        AlertRule rule = MonitorRules.toAlertRule(monitor.getRule());
        Alert alert = alerts.lockOrCreate(monitor.getOrganizationId(), monitor.getId(), nodeId,
                RuleState.initial().encode(), clock.instant());
        RuleState state = RuleState.decode(alert.getRuleState());
        List<AlertTransition> transitions = new ArrayList<>();
        for (TimedValue value : values) {
            Evaluation evaluation = evaluator.onSample(rule, state, value);
            state = evaluation.state();
            transitions.addAll(evaluation.transitions());
        }
        settle(alert, rule, state, transitions);
    }

    /** Applies the no-data rule to an alert whose deadline has passed; each alert in a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void checkSilence(long alertId) {
        alerts.lock(alertId).ifPresent(alert -> {
            Monitor monitor = monitors.findById(alert.getMonitorId()).orElse(null);
            RuleState state = RuleState.decode(alert.getRuleState());
            if (monitor == null || !monitor.isEnabled() || !monitors.targetNodeIds(monitor.getId())
                    .contains(alert.getNodeId())) {
                alert.evaluated(alert.getRuleState(), alert.getSeverity(), alert.getSince(), alert.isFlapping(),
                        null, null, null);
                return;
            }
            AlertRule rule = MonitorRules.toAlertRule(monitor.getRule());
            Evaluation evaluation = evaluator.onSilence(rule, state, clock.instant());
            settle(alert, rule, evaluation.state(), evaluation.transitions());
        });
    }

    private void settle(Alert alert, AlertRule rule, RuleState state, List<AlertTransition> transitions) {
        if (!transitions.isEmpty()) {
            boolean inMaintenance = maintenance.covers(alert.getOrganizationId(), alert.getNodeId(),
                    transitions.get(transitions.size() - 1).at());
            for (AlertTransition transition : transitions) {
                history.record(alert, transition, inMaintenance);
            }
        }
        alert.evaluated(state.encode(), state.severity(), state.since(), state.isFlapping(), state.lastValue(),
                state.lastSampleAt(), evaluator.silenceDeadline(rule, state));
    }
}

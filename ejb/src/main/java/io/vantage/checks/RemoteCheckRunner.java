package io.vantage.checks;

import io.vantage.MonitoringLog;
import io.vantage.checks.remote.CheckOutcome;
import io.vantage.checks.remote.CheckStatus;
import io.vantage.checks.remote.RemoteCheckFactory;
import io.vantage.events.Events;
import io.vantage.events.RemoteCheckDue;
import io.vantage.metrics.MetricEvents;
import io.vantage.monitors.CheckSettingsText;
import io.vantage.monitors.CheckTargets;
import io.vantage.persistence.inventory.Node;
import io.vantage.persistence.inventory.NodeRepository;
import io.vantage.persistence.metrics.MetricBatch;
import io.vantage.persistence.monitors.Monitor;
import io.vantage.persistence.monitors.MonitorRepository;
import io.vantage.persistence.monitors.RemoteCheckSettings;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs one remote check of a monitor against one node and schedules the next run. Its results become samples of the
 * node like any agent's ({@code <kind>.up}, {@code http.response_ms}...), published on the metrics topic so they are
 * stored and judged by the monitor's rule the same way. A run for an older revision of the monitor, a retired or
 * disabled monitor, or a node the monitor no longer applies to ends its chain.
 */
@Stateless
public class RemoteCheckRunner {

    /** The status of the run as a number, so rules can alert on it: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN. */
    static final String STATUS_SUFFIX = ".status";

    @Inject
    MonitorRepository monitors;

    @Inject
    NodeRepository nodes;

    @Inject
    MetricEvents metrics;

    @Inject
    Events events;

    @Inject
    Clock clock;

    public void run(RemoteCheckDue due) {
        Monitor monitor = monitors.findById(due.monitorId()).orElse(null);
        String stale = staleness(monitor, due);
        if (stale != null) {
            MonitoringLog.remoteCheckChainEnded(due.monitorId(), due.nodeId(), due.revision(), stale);
            return;
        }
        Node node = nodes.find(due.organizationId(), due.nodeId()).orElse(null);
        if (node == null) {
            return;
        }
        RemoteCheckSettings check = monitor.getCheck();
        String address = node.getAddresses().isEmpty() ? node.getName() : node.getAddresses().iterator().next();
        Map<String, String> settings = CheckTargets.resolve(check.getKind(),
                CheckSettingsText.parse(check.getSettings()), address, node.getName());
        CheckOutcome outcome = RemoteCheckFactory.create(check.getKind(), settings).run();
        metrics.published(batchOf(due, check.getKind(), outcome));
        MonitoringLog.remoteCheckRan(monitor.getId(), node.getId(), outcome.status() + " " + outcome.message(),
                outcome.took());
        events.publishAfter(due, Duration.ofSeconds(check.getIntervalSeconds()));
    }

    private String staleness(Monitor monitor, RemoteCheckDue due) {
        if (monitor == null || monitor.getOrganizationId() != due.organizationId()) {
            return "monitor gone";
        }
        if (monitor.getRevision() != due.revision()) {
            return "monitor changed (now revision " + monitor.getRevision() + ")";
        }
        if (!monitor.isEnabled() || monitor.isDeleted() || monitor.getCheck() == null) {
            return "monitor disabled, deleted or without a check";
        }
        if (!monitors.targetNodeIds(monitor.getId()).contains(due.nodeId())) {
            return "monitor no longer applies to the node";
        }
        return null;
    }

    private MetricBatch batchOf(RemoteCheckDue due, String kind, CheckOutcome outcome) {
        long now = clock.millis();
        List<String> names = new ArrayList<>(outcome.metrics().keySet());
        names.add(kind.toLowerCase(Locale.ROOT) + STATUS_SUFFIX);
        String[] metricNames = names.toArray(new String[0]);
        long[] timestamps = new long[metricNames.length];
        double[] values = new double[metricNames.length];
        for (int i = 0; i < metricNames.length; i++) {
            timestamps[i] = now;
            values[i] = i < outcome.metrics().size() ? outcome.metrics().get(metricNames[i]) : statusCode(outcome.status());
        }
        // the sequence is the run's time: unique enough per monitor and node for the batch's identity in logs
        return new MetricBatch(due.organizationId(), due.nodeId(), "remote-check-" + due.monitorId(), now,
                metricNames, timestamps, values);
    }

    private static double statusCode(CheckStatus status) {
        switch (status) {
            case OK:
                return 0;
            case WARNING:
                return 1;
            case CRITICAL:
                return 2;
            default:
                return 3;
        }
    }
}

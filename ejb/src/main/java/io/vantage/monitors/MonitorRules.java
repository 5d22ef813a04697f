package io.vantage.monitors;

import io.vantage.InvalidInputException;
import io.vantage.alerts.rules.AlertRule;
import io.vantage.alerts.rules.FlapPolicy;
import io.vantage.alerts.rules.InvalidRuleException;
import io.vantage.alerts.rules.Thresholds;
import io.vantage.checks.remote.InvalidCheckSpecException;
import io.vantage.checks.remote.RemoteCheckFactory;
import io.vantage.inventory.query.InvalidNodeQueryException;
import io.vantage.inventory.query.NodeQueryParser;
import io.vantage.persistence.alerts.Severity;
import io.vantage.persistence.monitors.AlertRuleSettings;
import io.vantage.persistence.monitors.RemoteCheckSettings;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a monitor definition and translates it between its three forms: as written ({@link MonitorDefinition}), as
 * stored ({@link AlertRuleSettings}, {@link RemoteCheckSettings}) and as evaluated ({@link AlertRule}). Everything
 * wrong is reported with a message a person can act on, before anything is stored.
 */
public final class MonitorRules {

    private static final Pattern METRIC = Pattern.compile("[A-Za-z0-9_.:\\-/]{1,200}");
    private static final int MIN_INTERVAL_SECONDS = 5;
    private static final int MAX_INTERVAL_SECONDS = 86_400;

    private MonitorRules() {
    }

    /** Validates every part of a definition; throws {@link InvalidInputException} on the first problem. */
    public static void validate(MonitorDefinition definition) {
        if (definition.name() == null || definition.name().isBlank() || definition.name().length() > 100
                || definition.name().startsWith("~")) {
            throw new InvalidInputException("name must be 1-100 characters and not start with '~'");
        }
        validateQuery(definition.nodeQuery());
        if (definition.metric() == null || !METRIC.matcher(definition.metric()).matches()) {
            throw new InvalidInputException("metric must be 1-200 letters, digits or . _ - : /, got '"
                    + definition.metric() + "'");
        }
        if (definition.rule() == null) {
            throw new InvalidInputException("rule is required");
        }
        toAlertRule(toSettings(definition.rule()));
        if (definition.check() != null) {
            validateCheck(definition.check());
        }
    }

    public static void validateQuery(String nodeQuery) {
        if (nodeQuery == null) {
            throw new InvalidInputException("nodeQuery is required ('*' selects every node)");
        }
        try {
            NodeQueryParser.parse(nodeQuery);
        } catch (InvalidNodeQueryException e) {
            throw new InvalidInputException("nodeQuery: " + e.getMessage(), e);
        }
    }

    private static void validateCheck(MonitorDefinition.Check check) {
        int interval = check.intervalSeconds() == null ? 60 : check.intervalSeconds();
        if (interval < MIN_INTERVAL_SECONDS || interval > MAX_INTERVAL_SECONDS) {
            throw new InvalidInputException("check.intervalSeconds must be " + MIN_INTERVAL_SECONDS + "-"
                    + MAX_INTERVAL_SECONDS + ", got " + interval);
        }
        Map<String, String> settings = check.settings() == null ? Map.of() : check.settings();
        CheckSettingsText.validate(settings);
        try {
            // placeholders stand for a node's values; check the rest with a stand-in node
            RemoteCheckFactory.create(check.kind(), CheckTargets.resolve(check.kind(), settings, "127.0.0.1", "node"));
        } catch (InvalidCheckSpecException e) {
            throw new InvalidInputException("check: " + e.getMessage(), e);
        }
    }

    public static AlertRuleSettings toSettings(MonitorDefinition.Rule rule) {
        if (rule.direction() == null) {
            throw new InvalidInputException("rule.direction is required (ABOVE or BELOW)");
        }
        int consecutive = rule.consecutive() == null ? 1 : rule.consecutive();
        int sustained = rule.sustainedSeconds() == null ? 0 : rule.sustainedSeconds();
        if ((rule.flapMaxChanges() == null) != (rule.flapWindowSeconds() == null)) {
            throw new InvalidInputException("rule.flapMaxChanges and rule.flapWindowSeconds go together");
        }
        if (rule.noDataSeconds() != null && rule.noDataSeconds() < 1) {
            throw new InvalidInputException("rule.noDataSeconds must be positive, got " + rule.noDataSeconds());
        }
        if (sustained < 0) {
            throw new InvalidInputException("rule.sustainedSeconds must not be negative, got " + sustained);
        }
        Severity noDataSeverity = rule.noDataSeverity() == null ? Severity.CRITICAL : rule.noDataSeverity();
        return new AlertRuleSettings(rule.direction(), rule.warning(), rule.warningClear(), rule.critical(),
                rule.criticalClear(), consecutive, sustained, rule.noDataSeconds(), noDataSeverity,
                rule.flapMaxChanges(), rule.flapWindowSeconds());
    }

    public static MonitorDefinition.Rule toDefinition(AlertRuleSettings s) {
        return new MonitorDefinition.Rule(s.getDirection(), s.getWarning(), s.getWarningClear(), s.getCritical(),
                s.getCriticalClear(), s.getConsecutive(), s.getSustainedSeconds(), s.getNoDataSeconds(),
                s.getNoDataSeverity(), s.getFlapMaxChanges(), s.getFlapWindowSeconds());
    }

    /** The rule the evaluator runs; invalid stored settings (never accepted by the API) fail loudly. */
    public static AlertRule toAlertRule(AlertRuleSettings s) {
        try {
            Thresholds thresholds = new Thresholds(s.getDirection(), s.getWarning(), s.getWarningClear(),
                    s.getCritical(), s.getCriticalClear());
            FlapPolicy flap = s.getFlapMaxChanges() == null ? null
                    : new FlapPolicy(s.getFlapMaxChanges(), Duration.ofSeconds(s.getFlapWindowSeconds()));
            Duration noData = s.getNoDataSeconds() == null ? null : Duration.ofSeconds(s.getNoDataSeconds());
            return new AlertRule(thresholds, s.getConsecutive(), Duration.ofSeconds(s.getSustainedSeconds()), noData,
                    s.getNoDataSeverity(), flap);
        } catch (InvalidRuleException e) {
            throw new InvalidInputException("rule: " + e.getMessage(), e);
        }
    }

    public static RemoteCheckSettings toSettings(MonitorDefinition.Check check) {
        Map<String, String> settings = check.settings() == null ? Map.of() : check.settings();
        return new RemoteCheckSettings(check.kind(), CheckSettingsText.format(settings),
                check.intervalSeconds() == null ? 60 : check.intervalSeconds());
    }

    public static MonitorDefinition.Check toDefinition(RemoteCheckSettings check) {
        return check == null ? null : new MonitorDefinition.Check(check.getKind(),
                CheckSettingsText.parse(check.getSettings()), check.getIntervalSeconds());
    }
}

package io.vantage.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vantage.persistence.alerts.Severity;
import io.vantage.persistence.monitors.AlertRuleSettings;
import io.vantage.persistence.monitors.Direction;
import org.junit.jupiter.api.Test;

class RuleTextTest {

    @Test
    void thresholds_with_clear_levels_timing_and_no_data_read_as_one_sentence() {
        AlertRuleSettings rule = new AlertRuleSettings(Direction.ABOVE, 80.0, 70.0, 90.0, 80.0, 3, 0, 120,
                Severity.CRITICAL, null, null);
        assertEquals("critical above 90, clears at 80 or below; warning above 80, clears at 70 or below; "
                + "3 samples in a row; no data for 120 s is critical", RuleText.of(rule));
    }

    @Test
    void a_clear_level_equal_to_its_threshold_and_single_samples_are_not_mentioned() {
        AlertRuleSettings rule = new AlertRuleSettings(Direction.BELOW, null, null, 0.5, 0.5, 1, 0, null,
                Severity.CRITICAL, null, null);
        assertEquals("critical below 0.5", RuleText.of(rule));
    }

    @Test
    void a_sustained_breach_is_written_with_its_duration() {
        AlertRuleSettings rule = new AlertRuleSettings(Direction.BELOW, 20.0, 25.0, null, null, 2, 60, null,
                Severity.WARNING, null, null);
        assertEquals("warning below 20, clears at 25 or above; 2 samples in a row for at least 60 s",
                RuleText.of(rule));
    }
}

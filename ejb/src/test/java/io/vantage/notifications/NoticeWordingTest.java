package io.vantage.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vantage.persistence.alerts.Severity;
import io.vantage.persistence.monitors.AlertRuleSettings;
import io.vantage.persistence.monitors.Direction;
import org.junit.jupiter.api.Test;

class NoticeWordingTest {

    @Test
    void a_threshold_reads_as_its_direction_and_its_clear_level() {
        AlertRuleSettings cpu = new AlertRuleSettings(Direction.ABOVE, 80.0, 70.0, 90.0, 90.0, 1, 0, null,
                Severity.CRITICAL, null, null);
        assertEquals("> 90", NoticeFactory.threshold(cpu, Severity.CRITICAL), "a clear level equal to the trigger is not repeated");
        assertEquals("> 80 (clears at <= 70)", NoticeFactory.threshold(cpu, Severity.WARNING));
        assertNull(NoticeFactory.threshold(cpu, Severity.OK));
    }

    @Test
    void a_below_threshold_with_fractions_reads_the_other_way() {
        AlertRuleSettings disk = new AlertRuleSettings(Direction.BELOW, null, null, 2.5, 5.0, 1, 0, null,
                Severity.CRITICAL, null, null);
        assertEquals("< 2.5 (clears at >= 5)", NoticeFactory.threshold(disk, Severity.CRITICAL));
        assertNull(NoticeFactory.threshold(disk, Severity.WARNING), "no warning level, no words");
    }
}

package io.vantage.agent.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckDefinitionTest {

    @Test
    void only_the_command_is_required() throws Exception {
        CheckDefinition definition = CheckDefinition.parse("load.check",
                "# comment\ncommand=/usr/lib/nagios/plugins/check_load -r -w 4,3,2 -c 8,6,4\n");

        assertEquals(new CheckDefinition("load", List.of("/usr/lib/nagios/plugins/check_load", "-r", "-w", "4,3,2",
                "-c", "8,6,4"), Duration.ofSeconds(60), Duration.ofSeconds(10)), definition);
    }

    @Test
    void every_key_can_be_set() throws Exception {
        CheckDefinition definition = CheckDefinition.parse("x.check", "name = root-disk \n"
                + "command=/usr/lib/nagios/plugins/check_disk -w 10% -c 5% -p /\n"
                + "interval-seconds=300\ntimeout-seconds=30\n");

        assertEquals("root-disk", definition.name());
        assertEquals(Duration.ofMinutes(5), definition.interval());
        assertEquals(Duration.ofSeconds(30), definition.timeout());
        assertEquals("/", definition.command().get(6));
    }

    @Test
    void each_mistake_is_named() {
        assertProblem("a.check", "", "no command=");
        assertProblem("a.check", "command=check_load -w 1", "absolute path");
        assertProblem("a.check", "command=/bin/x 'open", "unterminated");
        assertProblem("a.check", "comand=/bin/x", "unknown key 'comand'");
        assertProblem("a.check", "command=/bin/x\ninterval-seconds=0", "interval-seconds must be");
        assertProblem("a.check", "command=/bin/x\ninterval-seconds=1m", "was '1m'");
        assertProblem("a.check", "command=/bin/x\ntimeout-seconds=3601", "timeout-seconds must be");
        assertProblem("my disk.check", "command=/bin/x", "name 'my disk'");
        assertProblem("a.check", "command=/bin/x\nname=disk.root", "name 'disk.root'");
        assertProblem("a.check", "command=/bin/x\nname=" + "n".repeat(65), "1 to 64");
        assertProblem("a.check", "command=/bin/x \\u00zz", "not a properties file");
    }

    private static void assertProblem(String file, String text, String expected) {
        InvalidCheckException e = assertThrows(InvalidCheckException.class, () -> CheckDefinition.parse(file, text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}

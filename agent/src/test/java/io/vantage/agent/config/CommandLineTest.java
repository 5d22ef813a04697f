package io.vantage.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void flags_take_their_value_from_the_next_argument_or_after_an_equals_sign() throws ConfigException {
        CommandLine commandLine = CommandLine.parse("--agent-id", "a", "--interval-seconds=5", "--config", "x.conf");

        assertEquals(Map.of(ConfigKey.AGENT_ID, "a", ConfigKey.INTERVAL_SECONDS, "5"), commandLine.settings());
        assertEquals(Path.of("x.conf"), commandLine.configFile());
    }

    @Test
    void an_unknown_flag_is_an_error() {
        ConfigException error = assertThrows(ConfigException.class, () -> CommandLine.parse("--agent-idd", "a"));

        assertTrue(error.getMessage().contains("--agent-idd"), error.getMessage());
    }

    @Test
    void a_flag_without_its_value_is_an_error() {
        assertThrows(ConfigException.class, () -> CommandLine.parse("--agent-id"));
    }

    @Test
    void a_flag_given_twice_is_an_error() {
        assertThrows(ConfigException.class, () -> CommandLine.parse("--agent-id", "a", "--agent-id", "b"));
    }

    @Test
    void a_bare_word_is_an_error() {
        assertThrows(ConfigException.class, () -> CommandLine.parse("agent-id=a"));
    }

    @Test
    void help_lists_every_flag() throws ConfigException {
        assertTrue(CommandLine.parse("--help").help());
        for (ConfigKey key : ConfigKey.values()) {
            assertTrue(CommandLine.usage().contains(key.flag()), key.flag());
        }
    }
}

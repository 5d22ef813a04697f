package io.vantage.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path workingDir;

    @Test
    void only_id_and_key_are_required_and_everything_else_has_a_default() throws Exception {
        AgentConfig config = load(Map.of(), "--agent-id", "a1", "--agent-key", "k1");

        assertEquals(List.of(new ServerAddress("127.0.0.1", 7070)), config.servers());
        assertEquals("a1", config.agentId());
        assertEquals("k1", config.agentKey());
        assertEquals("this-machine", config.hostname());
        assertEquals(Duration.ofSeconds(10), config.interval());
        assertNull(config.spoolDir());
        assertEquals(1000, config.maxPendingBatches());
        assertEquals(64L * 1024 * 1024, config.spoolMaxBytes());
        assertNull(config.checksDir());
        assertEquals(Duration.ofSeconds(60), config.inodeInterval());
    }

    @Test
    void inode_counts_can_be_spaced_differently_or_turned_off_with_zero() throws Exception {
        assertEquals(Duration.ofMinutes(5), load(Map.of(), "--agent-id", "a", "--agent-key", "k",
                "--inode-interval-seconds", "300").inodeInterval());
        assertEquals(Duration.ZERO, load(Map.of(), "--agent-id", "a", "--agent-key", "k",
                "--inode-interval-seconds", "0").inodeInterval());
        for (String bad : List.of("-1", "86401", "often")) {
            ConfigException error = assertThrows(ConfigException.class, () -> load(Map.of(), "--agent-id", "a",
                    "--agent-key", "k", "--inode-interval-seconds", bad));
            assertTrue(error.getMessage().startsWith("inode-interval-seconds must be"), error.getMessage());
        }
    }

    @Test
    void the_checks_dir_comes_from_the_flag_or_the_file_relative_to_the_working_directory() throws Exception {
        assertEquals(Path.of("/etc/vantage/checks.d"), load(Map.of(), "--agent-id", "a", "--agent-key", "k",
                "--checks-dir", "/etc/vantage/checks.d").checksDir());
        write("agent.properties", "agent-id=a\nagent-key=k\nchecks-dir=checks.d\n");
        assertEquals(workingDir.resolve("checks.d"), load(Map.of()).checksDir());
    }

    @Test
    void flags_override_the_environment_which_overrides_the_file() throws Exception {
        Path file = write("agent.conf", "agent-id=from-file\nagent-key=file-key\nhostname=file-host\n"
                + "interval-seconds=30\n");

        AgentConfig config = load(Map.of("VANTAGE_AGENT_ID", "from-env", "VANTAGE_AGENT_KEY", "env-key"),
                "--config", file.toString(), "--agent-id", "from-flag");

        assertEquals("from-flag", config.agentId());
        assertEquals("env-key", config.agentKey());
        assertEquals("file-host", config.hostname());
        assertEquals(Duration.ofSeconds(30), config.interval());
    }

    @Test
    void agent_properties_in_the_working_directory_is_read_when_no_file_is_named() throws Exception {
        write("agent.properties", "agent-id=a\nagent-key=k\nspool-dir=spool\nserver=one:1, two:2\n");

        AgentConfig config = load(Map.of());

        assertEquals(workingDir.resolve("spool"), config.spoolDir());
        assertEquals(List.of(new ServerAddress("one", 1), new ServerAddress("two", 2)), config.servers());
    }

    @Test
    void trailing_blanks_in_the_file_are_not_part_of_the_value() throws Exception {
        write("agent.properties", "agent-id=a  \nagent-key=secret \t\n");

        assertEquals("secret", load(Map.of()).agentKey());
    }

    @Test
    void a_comma_separated_server_list_is_kept_in_order_with_the_default_port_where_none_is_given() throws Exception {
        AgentConfig config = load(Map.of(), "--agent-id=a", "--agent-key=k",
                "--server=vantage-1.example:7071,vantage-2.example,[::1]:7072");

        assertEquals(List.of(new ServerAddress("vantage-1.example", 7071), new ServerAddress("vantage-2.example", 7070),
                new ServerAddress("::1", 7072)), config.servers());
    }

    @Test
    void a_missing_agent_id_is_an_error_that_says_how_to_give_one() {
        ConfigException error = assertThrows(ConfigException.class, () -> load(Map.of(), "--agent-key", "k"));

        assertTrue(error.getMessage().contains("--agent-id"), error.getMessage());
        assertTrue(error.getMessage().contains("VANTAGE_AGENT_ID"), error.getMessage());
    }

    @Test
    void a_missing_agent_key_is_an_error() {
        ConfigException error = assertThrows(ConfigException.class, () -> load(Map.of(), "--agent-id", "a"));

        assertTrue(error.getMessage().contains("agent-key"), error.getMessage());
    }

    @Test
    void an_interval_that_is_not_a_whole_number_in_range_is_an_error() {
        for (String bad : List.of("ten", "0", "-5", "3601", "1.5")) {
            ConfigException error = assertThrows(ConfigException.class,
                    () -> load(Map.of(), "--agent-id", "a", "--agent-key", "k", "--interval-seconds", bad));
            assertTrue(error.getMessage().startsWith("interval-seconds must be"), error.getMessage());
        }
    }

    @Test
    void a_server_without_a_usable_port_is_an_error() {
        for (String bad : List.of("host:", "host:http", "host:70000", ":7070", "::1:7070", ",")) {
            assertThrows(ConfigException.class,
                    () -> load(Map.of(), "--agent-id", "a", "--agent-key", "k", "--server", bad), bad);
        }
    }

    @Test
    void an_unknown_key_in_the_file_is_an_error_rather_than_silently_ignored() throws IOException {
        Path file = write("agent.conf", "agent-id=a\nagent-key=k\ninterval_seconds=5\n");

        ConfigException error = assertThrows(ConfigException.class,
                () -> load(Map.of(), "--config", file.toString()));

        assertTrue(error.getMessage().contains("interval_seconds"), error.getMessage());
    }

    @Test
    void a_named_config_file_that_does_not_exist_is_an_error() {
        assertThrows(ConfigException.class, () -> load(Map.of(), "--config", "missing.properties"));
    }

    private AgentConfig load(Map<String, String> env, String... args) throws ConfigException {
        return new ConfigLoader(env, workingDir, () -> "this-machine").load(CommandLine.parse(args));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(workingDir.resolve(name), content);
    }
}

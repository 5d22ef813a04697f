package io.vantage.agent.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Turns the command line, the environment and the properties file into a validated {@link AgentConfig}. A flag
 * wins over an environment variable, which wins over the file, which wins over the default.
 */
public final class ConfigLoader {

    /** Read when {@code --config} is not given, if it exists in the working directory. */
    public static final String DEFAULT_FILE = "agent.properties";
    private static final int DEFAULT_PORT = 7070;

    private final Map<String, String> env;
    private final Path workingDir;
    private final Supplier<String> hostname;

    public ConfigLoader(Map<String, String> env, Path workingDir, Supplier<String> hostname) {
        this.env = env;
        this.workingDir = workingDir;
        this.hostname = hostname;
    }

    /** A loader that reads this process's environment, working directory and hostname. */
    public static ConfigLoader forThisProcess() {
        return new ConfigLoader(System.getenv(), Path.of("").toAbsolutePath(), LocalHostname::find);
    }

    /** @throws ConfigException naming the first setting that is missing or wrong */
    public AgentConfig load(CommandLine commandLine) throws ConfigException {
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            putIfSet(values, key, key.defaultValue());
        }
        readFile(commandLine.configFile()).forEach((key, value) -> putIfSet(values, key, value));
        for (ConfigKey key : ConfigKey.values()) {
            if (key.envVar() != null) {
                putIfSet(values, key, env.get(key.envVar()));
            }
        }
        commandLine.settings().forEach((key, value) -> putIfSet(values, key, value));

        String spoolDir = values.get(ConfigKey.SPOOL_DIR);
        String host = values.get(ConfigKey.HOSTNAME);
        String checksDir = values.get(ConfigKey.CHECKS_DIR);
        return new AgentConfig(
                servers(values.get(ConfigKey.SERVER)),
                required(values, ConfigKey.AGENT_ID),
                required(values, ConfigKey.AGENT_KEY),
                host != null ? host : hostname.get(),
                Duration.ofSeconds(number(values, ConfigKey.INTERVAL_SECONDS, 1, 3600)),
                spoolDir == null ? null : workingDir.resolve(spoolDir),
                (int) number(values, ConfigKey.MAX_PENDING_BATCHES, 1, 1_000_000),
                number(values, ConfigKey.SPOOL_MAX_MB, 1, 1_048_576) * 1024 * 1024,
                checksDir == null ? null : workingDir.resolve(checksDir),
                tls(values),
                Duration.ofSeconds(number(values, ConfigKey.INODE_INTERVAL_SECONDS, 0, 86_400)));
    }

    /** TLS only when asked for; its other keys without it would leave an operator believing the link secure. */
    private TlsSettings tls(Map<ConfigKey, String> values) throws ConfigException {
        String tls = values.get(ConfigKey.TLS);
        if (!"true".equalsIgnoreCase(tls) && !"false".equalsIgnoreCase(tls)) {
            throw new ConfigException("tls must be true or false, was '" + tls + "'");
        }
        String trustStore = values.get(ConfigKey.TLS_TRUST_STORE);
        String serverName = values.get(ConfigKey.TLS_SERVER_NAME);
        if ("false".equalsIgnoreCase(tls)) {
            for (ConfigKey key : List.of(ConfigKey.TLS_TRUST_STORE, ConfigKey.TLS_SERVER_NAME)) {
                if (values.containsKey(key)) {
                    throw new ConfigException(key.key() + " is set but tls is not: set tls=true to connect over "
                            + "TLS, or remove " + key.key());
                }
            }
            return null;
        }
        if (trustStore == null) {
            return new TlsSettings(null, TlsSettings.JDK_TRUST, serverName);
        }
        Path file = workingDir.resolve(trustStore);
        return new TlsSettings(TrustStores.load(file, values.get(ConfigKey.TLS_TRUST_STORE_PASSWORD)),
                file.toString(), serverName);
    }

    private Map<ConfigKey, String> readFile(Path given) throws ConfigException {
        Path file = given != null ? workingDir.resolve(given) : workingDir.resolve(DEFAULT_FILE);
        if (given == null && !Files.isRegularFile(file)) {
            return Map.of();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e);
        }
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        for (String name : properties.stringPropertyNames()) {
            ConfigKey key = ConfigKey.ofKey(name);
            if (key == null) {
                // a misspelt key would otherwise be ignored silently and its default used
                throw new ConfigException("config file " + file + " has unknown key '" + name + "'; known keys: "
                        + knownKeys());
            }
            values.put(key, properties.getProperty(name));
        }
        return values;
    }

    private static void putIfSet(Map<ConfigKey, String> values, ConfigKey key, String value) {
        // Properties keeps trailing blanks, which would silently become part of a key or a path
        if (value != null && !value.trim().isEmpty()) {
            values.put(key, value.trim());
        }
    }

    private static String required(Map<ConfigKey, String> values, ConfigKey key) throws ConfigException {
        String value = values.get(key);
        if (value == null) {
            throw new ConfigException("no " + key.key() + ": give " + key.flag() + ", set " + key.envVar()
                    + " or put " + key.key() + "= in the config file");
        }
        return value;
    }

    private static long number(Map<ConfigKey, String> values, ConfigKey key, long min, long max)
            throws ConfigException {
        String value = values.get(key);
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new ConfigException(key.key() + " must be a whole number from " + min + " to " + max + ", was '"
                + value + "'");
    }

    private static List<ServerAddress> servers(String value) throws ConfigException {
        List<ServerAddress> servers = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                servers.add(ServerAddress.parse(part, DEFAULT_PORT));
            }
        }
        if (servers.isEmpty()) {
            throw new ConfigException("server names no address; give host:port");
        }
        return servers;
    }

    private static String knownKeys() {
        StringBuilder keys = new StringBuilder();
        for (ConfigKey key : ConfigKey.values()) {
            keys.append(keys.length() == 0 ? "" : ", ").append(key.key());
        }
        return keys.toString();
    }
}

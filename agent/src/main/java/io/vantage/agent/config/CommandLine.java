package io.vantage.agent.config;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the agent was started with: setting flags ({@code --key value} or {@code --key=value}), the properties file
 * ({@code --config FILE}) and the informational flags {@code --help} and {@code --version}.
 *
 * @param settings   the values given as flags
 * @param configFile the file named by {@code --config}, or {@code null}
 * @param help       whether {@code --help} was given
 * @param version    whether {@code --version} was given
 */
public record CommandLine(Map<ConfigKey, String> settings, Path configFile, boolean help, boolean version) {

    public CommandLine {
        settings = Map.copyOf(settings);
    }

    /** @throws ConfigException on an unknown flag, a flag without its value or a flag given twice */
    public static CommandLine parse(String... args) throws ConfigException {
        Map<ConfigKey, String> settings = new EnumMap<>(ConfigKey.class);
        Path configFile = null;
        boolean help = false;
        boolean version = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ("--help".equals(arg) || "-h".equals(arg)) {
                help = true;
                continue;
            }
            if ("--version".equals(arg)) {
                version = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new ConfigException("unexpected argument '" + arg + "'; flags start with --, see --help");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new ConfigException("flag --" + name + " needs a value");
            }
            if ("config".equals(name)) {
                if (configFile != null) {
                    throw new ConfigException("flag --config is given twice");
                }
                configFile = Path.of(value);
                continue;
            }
            ConfigKey key = ConfigKey.ofKey(name);
            if (key == null) {
                throw new ConfigException("unknown flag --" + name + "; see --help");
            }
            if (settings.put(key, value) != null) {
                throw new ConfigException("flag " + key.flag() + " is given twice");
            }
        }
        return new CommandLine(settings, configFile, help, version);
    }

    /** The text {@code --help} prints. */
    public static String usage() {
        StringBuilder text = new StringBuilder(1024)
                .append("Usage: java -jar vantage-agent.jar [--config FILE] [flags]\n\n")
                .append("Settings come from flags, then environment variables, then the properties file\n")
                .append("(--config FILE, or ./agent.properties when it exists; keys are the flag names\n")
                .append("without --), then defaults.\n\n");
        for (ConfigKey key : ConfigKey.values()) {
            text.append(String.format("  %-34s %s", key.flag() + " VALUE", key.description()));
            if (key.defaultValue() != null) {
                text.append(" [").append(key.defaultValue()).append(']');
            }
            if (key.envVar() != null) {
                text.append(" (env ").append(key.envVar()).append(')');
            }
            text.append('\n');
        }
        return text.append(String.format("  %-34s %s%n", "--config FILE", "the properties file"))
                .append(String.format("  %-34s %s%n", "--version", "print the version and exit"))
                .append(String.format("  %-34s %s%n", "--help", "print this text and exit"))
                .toString();
    }
}

package io.vantage.agent.check;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One external check, as a {@code *.check} file in the checks directory defines it.
 *
 * @param name     one metric name segment; the check's metrics are {@code check.<name>.…}
 * @param command  the executable (an absolute path) and its arguments
 * @param interval the time between two runs
 * @param timeout  how long one run may take before it is killed
 */
public record CheckDefinition(String name, List<String> command, Duration interval, Duration timeout) {

    /** The suffix of definition files; other files in the directory (backups, examples) are ignored. */
    public static final String SUFFIX = ".check";
    static final int MAX_NAME = 64;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_:-]{1," + MAX_NAME + "}");
    private static final Set<String> KEYS = Set.of("name", "command", "interval-seconds", "timeout-seconds");

    public CheckDefinition {
        command = List.copyOf(command);
    }

    /**
     * Reads a definition file's text.
     *
     * @param fileName the file's name, which gives the default {@code name}
     * @throws InvalidCheckException naming the first problem
     */
    public static CheckDefinition parse(String fileName, String text) throws InvalidCheckException {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidCheckException("not a properties file: " + e.getMessage());
        }
        for (String key : properties.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                // a misspelt key would otherwise be ignored and its default used without anyone noticing
                throw new InvalidCheckException("unknown key '" + key + "'; known keys: command, name, "
                        + "interval-seconds, timeout-seconds");
            }
        }
        String name = value(properties, "name");
        if (name == null) {
            name = fileName.endsWith(SUFFIX) ? fileName.substring(0, fileName.length() - SUFFIX.length()) : fileName;
        }
        if (!NAME.matcher(name).matches()) {
            throw new InvalidCheckException("name '" + name + "' must be 1 to " + MAX_NAME
                    + " characters of A-Z a-z 0-9 _ - : (it becomes one segment of check.<name>.…); set name=");
        }
        String command = value(properties, "command");
        if (command == null) {
            throw new InvalidCheckException("no command=");
        }
        List<String> words;
        try {
            words = CommandWords.split(command);
        } catch (IllegalArgumentException e) {
            throw new InvalidCheckException(e.getMessage());
        }
        if (words.isEmpty() || !words.get(0).startsWith("/")) {
            // the agent's PATH under systemd is not a login shell's, so a bare name would run something unexpected
            throw new InvalidCheckException("command must start with the absolute path of the executable");
        }
        return new CheckDefinition(name, words, seconds(properties, "interval-seconds", 60, 86_400),
                seconds(properties, "timeout-seconds", 10, 3_600));
    }

    private static String value(Properties properties, String key) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Duration seconds(Properties properties, String key, long defaultValue, long max)
            throws InvalidCheckException {
        String value = value(properties, key);
        if (value == null) {
            return Duration.ofSeconds(defaultValue);
        }
        try {
            long seconds = Long.parseLong(value);
            if (seconds >= 1 && seconds <= max) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new InvalidCheckException(key + " must be a whole number from 1 to " + max + ", was '" + value + "'");
    }
}

package io.vantage.agent.config;

/** The agent's configuration is missing something or holds a value it cannot use; the message says which. */
public final class ConfigException extends Exception {

    public ConfigException(String message) {
        super(message);
    }
}

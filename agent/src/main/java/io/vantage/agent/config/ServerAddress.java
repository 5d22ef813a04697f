package io.vantage.agent.config;

import java.util.Objects;

/**
 * Where a Vantage server listens for agents. The host is resolved at each connection attempt, so a DNS change is
 * picked up without restarting the agent.
 *
 * @param host a name or an IP address (IPv6 without brackets)
 * @param port 1 to 65535
 */
public record ServerAddress(String host, int port) {

    public ServerAddress {
        Objects.requireNonNull(host, "host");
    }

    /**
     * Reads {@code host:port}, {@code [ipv6]:port} or a bare host (default port).
     *
     * @throws ConfigException when the text is not an address
     */
    public static ServerAddress parse(String text, int defaultPort) throws ConfigException {
        String value = text.trim();
        String host;
        String port = null;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                throw new ConfigException("server address '" + text + "' opens '[' without closing it");
            }
            host = value.substring(1, close);
            String rest = value.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new ConfigException("server address '" + text + "' must be [ipv6]:port");
                }
                port = rest.substring(1);
            }
        } else {
            int colon = value.lastIndexOf(':');
            if (colon >= 0 && value.indexOf(':') != colon) {
                throw new ConfigException("server address '" + text + "': write IPv6 addresses as [address]:port");
            }
            host = colon < 0 ? value : value.substring(0, colon);
            port = colon < 0 ? null : value.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw new ConfigException("server address '" + text + "' has no host");
        }
        return new ServerAddress(host, port == null ? defaultPort : parsePort(port, text));
    }

    private static int parsePort(String port, String text) throws ConfigException {
        try {
            int number = Integer.parseInt(port);
            if (number >= 1 && number <= 65535) {
                return number;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below, which names the whole address
        }
        throw new ConfigException("server address '" + text + "' needs a port from 1 to 65535");
    }

    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}

package io.vantage.agents;

/** Reads the host out of the address a connection came from, as the connector reports it ({@code /10.0.0.5:41234}). */
final class AgentAddresses {

    private AgentAddresses() {
    }

    /** The IP address without port or brackets, or null when there is none to read. */
    static String hostOf(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return null;
        }
        String text = remoteAddress.substring(remoteAddress.lastIndexOf('/') + 1);
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            return close > 1 ? text.substring(1, close) : null;
        }
        int colon = text.lastIndexOf(':');
        // one colon is a port; several without brackets is a bare IPv6 address
        if (colon > 0 && text.indexOf(':') == colon) {
            text = text.substring(0, colon);
        }
        return text.isBlank() ? null : text;
    }
}

package io.vantage.monitors;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Fills a remote check's settings in for one node: {@code {address}} and {@code {name}} in any value become the
 * node's address and name; a TCP or ping check without a {@code host} is pointed at the node's address, and a DNS
 * check without a {@code name} resolves the node's name.
 */
public final class CheckTargets {

    private CheckTargets() {
    }

    public static Map<String, String> resolve(String kind, Map<String, String> settings, String address, String name) {
        Map<String, String> resolved = new LinkedHashMap<>();
        settings.forEach((key, value) -> resolved.put(key, value.replace("{address}", address).replace("{name}", name)));
        switch (kind == null ? "" : kind.toLowerCase(Locale.ROOT)) {
            case "tcp":
            case "ping":
                resolved.putIfAbsent("host", address);
                break;
            case "dns":
                resolved.putIfAbsent("name", name);
                break;
            default:
                break;
        }
        return resolved;
    }
}

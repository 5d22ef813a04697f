package io.vantage.monitors;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fills a remote check's settings in for one node: {@code {address}} and {@code {name}} become the node's address and
 * name, and a check with no {@code host}, {@code url} or {@code name} of its own is pointed at the node's address.
 */
public final class CheckTargets {

    private CheckTargets() {
    }

    public static Map<String, String> resolve(Map<String, String> settings, String address, String name) {
        Map<String, String> resolved = new LinkedHashMap<>();
        settings.forEach((key, value) -> resolved.put(key, value.replace("{address}", address).replace("{name}", name)));
        if (!resolved.containsKey("url")) {
            resolved.putIfAbsent("host", address);
            resolved.putIfAbsent("name", name);
        }
        return resolved;
    }
}

package io.vantage.inventory;

import java.util.Map;
import java.util.Set;

/**
 * What people say about a node beyond its name: tags, operating system, addresses and free-form details. Null parts
 * are left as they are.
 */
public record NodeDescription(Set<String> tags, String os, Set<String> addresses, Map<String, String> details) {
}

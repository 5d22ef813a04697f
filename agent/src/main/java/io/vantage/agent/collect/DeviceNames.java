package io.vantage.agent.collect;

import java.util.HashMap;
import java.util.Map;

/**
 * Metric names for things the agent does not name itself (block devices, mount points, network interfaces,
 * batteries): {@code <prefix><segment>.<kind>}. The device's name is sanitised into one valid segment by
 * {@link #segment}; the names are built once per device rather than at every tick. External checks' performance
 * data labels are sanitised by the same rule.
 */
public final class DeviceNames {

    /** Long enough for any real device, short enough that every name stays under the 200-character limit. */
    static final int MAX_SEGMENT = 100;
    /** Interfaces come and go by the hundred on container hosts; forget them all rather than grow without end. */
    private static final int MAX_CACHED = 1024;

    private final String prefix;
    private final String[] kinds;
    private final Map<String, String[]> cache = new HashMap<>();

    /**
     * @param prefix for example {@code "disk."}
     * @param kinds  the last segments, for example {@code read_bytes_per_s}
     */
    DeviceNames(String prefix, String... kinds) {
        this.prefix = prefix;
        this.kinds = kinds.clone();
    }

    /** The names for {@code device}, in the order of the kinds given to the constructor. */
    String[] of(String device) {
        String[] names = cache.get(device);
        if (names == null) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            String stem = prefix + segment(device) + ".";
            names = new String[kinds.length];
            for (int i = 0; i < kinds.length; i++) {
                names[i] = stem + kinds[i];
            }
            cache.put(device, names);
        }
        return names;
    }

    /**
     * One metric name segment from any text: every character other than {@code A-Z a-z 0-9 _ - :} becomes
     * {@code _} (so {@code eth0.100} becomes {@code eth0_100} and cannot pass for two segments), and the result is
     * cut to {@value #MAX_SEGMENT} characters.
     */
    public static String segment(String raw) {
        if (raw.isEmpty()) {
            return "_";
        }
        int length = Math.min(raw.length(), MAX_SEGMENT);
        StringBuilder out = null;
        for (int i = 0; i < length; i++) {
            char c = raw.charAt(i);
            if (!allowed(c)) {
                if (out == null) {
                    out = new StringBuilder(length).append(raw, 0, i);
                }
                out.append('_');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out != null ? out.toString() : raw.substring(0, length);
    }

    private static boolean allowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '-' || c == ':';
    }
}

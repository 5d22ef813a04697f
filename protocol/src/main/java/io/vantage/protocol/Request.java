package io.vantage.protocol;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The server asks a connected agent for something, from protocol version 2 on: a process list today. The agent
 * answers each request with exactly one {@link Response} carrying the same id, in any order and while batches keep
 * flowing.
 *
 * @param requestId numbers the connection's requests: 1 to 2^32-1, increasing, never reused on a connection
 * @param kind      what is asked, for example {@value RequestKinds#PROCESSES}: 1 to {@value #MAX_KIND_CHARS}
 *                  lowercase letters, digits and {@code _}
 * @param arguments at most {@value #MAX_ARGUMENTS} named arguments of the kind, names like kinds, values at most
 *                  {@value #MAX_VALUE_BYTES} bytes of UTF-8
 */
public record Request(long requestId, String kind, Map<String, String> arguments) implements Frame {

    public static final long MAX_REQUEST_ID = 0xFFFF_FFFFL;
    public static final int MAX_KIND_CHARS = 32;
    public static final int MAX_ARGUMENTS = 16;
    public static final int MAX_VALUE_BYTES = 256;
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1," + MAX_KIND_CHARS + "}");

    public Request {
        Objects.requireNonNull(kind, "kind");
        if (requestId < 1 || requestId > MAX_REQUEST_ID) {
            throw new IllegalArgumentException("request id must be 1.." + MAX_REQUEST_ID + ", was " + requestId);
        }
        if (!isName(kind)) {
            throw new IllegalArgumentException("kind '" + kind + "' is not 1.." + MAX_KIND_CHARS + " of [a-z0-9_]");
        }
        if (arguments.size() > MAX_ARGUMENTS) {
            throw new IllegalArgumentException(arguments.size() + " arguments, at most " + MAX_ARGUMENTS);
        }
        arguments.forEach((name, value) -> {
            if (!isName(name) || Utf8.length(value) > MAX_VALUE_BYTES) {
                throw new IllegalArgumentException("argument '" + name + "' has a bad name or a value over "
                        + MAX_VALUE_BYTES + " bytes");
            }
        });
        // sorted, so that a request always encodes to the same bytes
        arguments = Collections.unmodifiableSortedMap(new TreeMap<>(arguments));
    }

    /** The argument's value, or {@code fallback} when the request has none by that name. */
    public String argument(String name, String fallback) {
        return arguments.getOrDefault(name, fallback);
    }

    @Override
    public FrameType type() {
        return FrameType.REQUEST;
    }

    static boolean isName(String text) {
        return NAME.matcher(text).matches();
    }
}

package io.vantage.protocol;

import java.util.Map;

/**
 * The kinds of {@link Request} and their arguments. An agent answers a kind it does not know with
 * {@link ResponseStatus#UNSUPPORTED}, so kinds can be added without a new protocol version.
 */
public final class RequestKinds {

    /** The agent's processes, top-like: arguments {@value #LIMIT} and {@value #SORT}; answered with a {@link ProcessTable}. */
    public static final String PROCESSES = "processes";
    /** How many processes to list: 1 to {@link ProcessTable#MAX_ENTRIES}, default {@value #DEFAULT_LIMIT}. */
    public static final String LIMIT = "limit";
    /** Which processes come first: {@value #BY_CPU} (the default) or {@value #BY_MEMORY}. */
    public static final String SORT = "sort";
    public static final String BY_CPU = "cpu";
    public static final String BY_MEMORY = "memory";
    public static final int DEFAULT_LIMIT = 20;

    private RequestKinds() {
    }

    /** A request for the {@code limit} busiest processes, by CPU or by resident memory. */
    public static Request processes(long requestId, int limit, boolean byMemory) {
        return new Request(requestId, PROCESSES, Map.of(LIMIT, Integer.toString(limit),
                SORT, byMemory ? BY_MEMORY : BY_CPU));
    }
}

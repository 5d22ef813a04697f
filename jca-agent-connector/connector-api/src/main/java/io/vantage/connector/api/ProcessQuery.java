package io.vantage.connector.api;

import java.io.Serializable;
import java.util.Objects;

/**
 * Which processes to list.
 *
 * @param limit how many, 1 to {@value #MAX_LIMIT}
 * @param sort  busiest by CPU or by resident memory
 */
public record ProcessQuery(int limit, ProcessSort sort) implements Serializable {

    /** The most processes an agent lists at once. */
    public static final int MAX_LIMIT = 500;

    public ProcessQuery {
        Objects.requireNonNull(sort, "sort");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
    }

    /** The order of a process list. */
    public enum ProcessSort { CPU, MEMORY }
}

package io.vantage.diagnostics;

import java.util.Locale;

/** The order of a process list: the busiest by CPU, or the largest by resident memory, first. */
public enum ProcessOrder {
    CPU,
    MEMORY;

    /**
     * The order a request parameter names ({@code cpu} or {@code memory}, any case).
     *
     * @throws io.vantage.InvalidInputException for anything else
     */
    public static ProcessOrder named(String name) {
        if (name != null) {
            for (ProcessOrder order : values()) {
                if (order.name().equals(name.toUpperCase(Locale.ROOT))) {
                    return order;
                }
            }
        }
        throw new io.vantage.InvalidInputException("sort must be cpu or memory, was '" + name + "'");
    }
}

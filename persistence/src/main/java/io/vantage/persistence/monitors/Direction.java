package io.vantage.persistence.monitors;

/** Which side of a threshold is bad: ABOVE for CPU or latency, BELOW for free space or up/down checks. */
public enum Direction {
    /** Breached when the value is greater than the threshold; cleared at or below the clear threshold. */
    ABOVE,
    /** Breached when the value is less than the threshold; cleared at or above the clear threshold. */
    BELOW
}

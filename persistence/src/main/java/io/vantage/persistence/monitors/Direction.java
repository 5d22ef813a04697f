package io.vantage.persistence.monitors;

/**
 * Which side of a threshold is the bad side. CPU use is bad {@link #ABOVE} its threshold; free disk space is bad
 * {@link #BELOW} it.
 */
public enum Direction {
    /** Breached when the value rises past the threshold; cleared when it falls back to the clear threshold. */
    ABOVE,
    /** Breached when the value drops past the threshold; cleared when it climbs back to the clear threshold. */
    BELOW;

    /** Whether {@code value} is strictly on the bad side of {@code threshold}. */
    public boolean breaches(double value, double threshold) {
        return this == ABOVE ? value > threshold : value < threshold;
    }

    /** Whether {@code value} is back on the good side of {@code clear}, reaching it counting as cleared. */
    public boolean clears(double value, double clear) {
        return !breaches(value, clear);
    }

    /** The word for "on the bad side" in messages to people writing rules. */
    public String badSide() {
        return this == ABOVE ? "above" : "below";
    }
}

package io.vantage.connector.fuzz;

import java.time.Duration;

/**
 * How long a listener fuzz test runs and from which seed. Both come from system properties so that any
 * failure can be replayed: {@code -Dvantage.fuzz.seed=S} and {@code -Dvantage.fuzz.seconds=N}.
 *
 * @param seed     drives every random choice of the fuzzer; the default is fixed, so a plain build is repeatable
 * @param duration how long hostile connections keep being opened
 */
public record FuzzConfig(long seed, Duration duration) {

    public static final String SEED_PROPERTY = "vantage.fuzz.seed";
    public static final String SECONDS_PROPERTY = "vantage.fuzz.seconds";
    public static final long DEFAULT_SEED = 20_240_309L;
    public static final int DEFAULT_SECONDS = 8;

    /** The configuration asked for on the command line, the defaults otherwise. */
    public static FuzzConfig fromSystemProperties() {
        return fromSystemProperties(DEFAULT_SECONDS);
    }

    /** As {@link #fromSystemProperties()}, for a test whose default running time is {@code defaultSeconds}. */
    public static FuzzConfig fromSystemProperties(int defaultSeconds) {
        String seed = System.getProperty(SEED_PROPERTY, "").trim();
        String seconds = System.getProperty(SECONDS_PROPERTY, "").trim();
        return new FuzzConfig(seed.isEmpty() ? DEFAULT_SEED : Long.parseLong(seed),
                Duration.ofSeconds(seconds.isEmpty() ? defaultSeconds : Long.parseLong(seconds)));
    }

    /** One line for the test log, with the flags that replay this run. */
    public String describe() {
        return "seed " + seed + ", " + duration.toSeconds() + " s (replay with -D" + SEED_PROPERTY + "=" + seed
                + " -D" + SECONDS_PROPERTY + "=" + duration.toSeconds() + ")";
    }
}

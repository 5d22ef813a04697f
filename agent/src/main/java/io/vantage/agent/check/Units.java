package io.vantage.agent.check;

import java.util.Locale;

/**
 * The factor that brings a performance data value to the agent's base units: seconds and bytes. Byte multiples
 * are powers of 1024, as the Monitoring Plugins compute them (their {@code check_disk} and {@code check_swap} divide
 * by 1024 × 1024 for {@code MB}).
 */
final class Units {

    private static final double KIB = 1024;

    private Units() {
    }

    /**
     * The multiplier for {@code uom}, or {@code NaN} when the unit is not one the plugin API defines ({@code s ms us
     * % B KB MB GB TB c}, or none). Byte units are read case-insensitively and in their IEC spelling too
     * ({@code kB}, {@code MiB}), which plugins outside the Monitoring Plugins project write.
     */
    static double factor(String uom) {
        switch (uom) {
            case "":
            case "%":
            case "c":
            case "s":
                return 1;
            case "ms":
                return 1e-3;
            case "us":
                return 1e-6;
            default:
                return bytes(uom.toUpperCase(Locale.ROOT));
        }
    }

    private static double bytes(String uom) {
        switch (uom) {
            case "B":
                return 1;
            case "KB":
            case "KIB":
                return KIB;
            case "MB":
            case "MIB":
                return KIB * KIB;
            case "GB":
            case "GIB":
                return KIB * KIB * KIB;
            case "TB":
            case "TIB":
                return KIB * KIB * KIB * KIB;
            default:
                return Double.NaN;
        }
    }
}

package io.vantage.connector.fuzz;

import java.util.Arrays;
import java.util.Random;

/**
 * Damages valid bytes the way a broken network, a broken sender or an attacker would, and says how; shared by the
 * agent and the Graphite listener fuzz tests.
 */
public final class Mutations {

    private Mutations() {
    }

    /** One to three random damages: bit flips, truncation, extension, deleted or inserted bytes, lying lengths. */
    public static byte[] mutate(byte[] bytes, Random random, StringBuilder how) {
        byte[] out = bytes.clone();
        int damages = 1 + random.nextInt(3);
        for (int i = 0; i < damages; i++) {
            out = damageOnce(out, random, how);
        }
        return out;
    }

    private static byte[] damageOnce(byte[] in, Random random, StringBuilder how) {
        if (in.length == 0) {
            how.append(" extend");
            return randomBytes(random, 1 + random.nextInt(16));
        }
        int at = random.nextInt(in.length);
        switch (random.nextInt(7)) {
            case 0: {
                int bits = 1 + random.nextInt(4);
                how.append(" flip").append(bits).append('@').append(at);
                byte[] out = in.clone();
                for (int b = 0; b < bits; b++) {
                    int pos = Math.min(in.length - 1, at + random.nextInt(4));
                    out[pos] ^= (byte) (1 << random.nextInt(8));
                }
                return out;
            }
            case 1:
                how.append(" truncate@").append(at);
                return Arrays.copyOf(in, at);
            case 2: {
                int extra = 1 + random.nextInt(64);
                how.append(" extend+").append(extra);
                return Bytes.concat(in, randomBytes(random, extra));
            }
            case 3: {
                how.append(" delete@").append(at);
                byte[] out = new byte[in.length - 1];
                System.arraycopy(in, 0, out, 0, at);
                System.arraycopy(in, at + 1, out, at, in.length - at - 1);
                return out;
            }
            case 4: {
                how.append(" insert@").append(at);
                byte[] out = new byte[in.length + 1];
                System.arraycopy(in, 0, out, 0, at);
                out[at] = (byte) random.nextInt(256);
                System.arraycopy(in, at, out, at + 1, in.length - at);
                return out;
            }
            case 5: {
                how.append(" byte@").append(at);
                byte[] out = in.clone();
                out[at] = (byte) random.nextInt(256);
                return out;
            }
            default: {
                // a plausible but wrong length: nearby values hurt more than random ones
                int value = random.nextBoolean() ? random.nextInt() : random.nextInt(200) - 20;
                how.append(" int@").append(at).append('=').append(value);
                byte[] out = in.clone();
                for (int b = 0; b < 4 && at + b < out.length; b++) {
                    out[at + b] = (byte) (value >>> (24 - 8 * b));
                }
                return out;
            }
        }
    }

    public static byte[] randomBytes(Random random, int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}

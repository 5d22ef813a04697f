package io.vantage.connector.fuzz.graphite;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;

/**
 * Paths that test the path rules: around the 255-character limit in one-, two- and three-byte UTF-8, and paths
 * with invalid UTF-8, surrogates, control characters and Unicode white space, as raw bytes.
 */
final class GraphitePaths {

    private static final List<String> UNITS = List.of("a", "\u00e9", "\u65e5", "\ud83d\udcc8");
    private static final List<byte[]> BAD_BYTES = List.of(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            new byte[] {(byte) 0xc0, (byte) 0xaf}, new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc3}, new byte[] {(byte) 0x80, (byte) 0x80},
            GraphiteLines.utf8("\u00a0"), GraphiteLines.utf8("\u2028"), GraphiteLines.utf8("\u0085"),
            new byte[] {1}, new byte[] {0x7f}, new byte[] {0x1b, '['}, GraphiteLines.utf8("m\u00e9trique"),
            GraphiteLines.utf8("\u3000"), GraphiteLines.utf8("\ufeff"));

    private GraphitePaths() {
    }

    /** A path of 253 to 257 characters (or far more), each one to four UTF-8 bytes (two UTF-16 units for U+1F4C8). */
    static String longPath(Random random, StringBuilder how) {
        String unit = GraphiteLines.pick(random, UNITS);
        int count = random.nextInt(10) == 0 ? 300 + random.nextInt(800) : 253 + random.nextInt(5);
        how.append(count).append(" x U+").append(Integer.toHexString(unit.codePointAt(0)));
        return "fuzz." + unit.repeat(Math.max(1, (count - 5) / unit.length()));
    }

    /** A path with bytes that are not what the rules allow, or only just are. */
    static byte[] oddPath(Random random, StringBuilder how) {
        ByteArrayOutputStream path = new ByteArrayOutputStream();
        path.writeBytes(GraphiteLines.utf8(GraphiteLines.path(random)));
        int pieces = 1 + random.nextInt(3);
        for (int i = 0; i < pieces; i++) {
            if (random.nextInt(3) == 0) {
                byte[] noise = new byte[1 + random.nextInt(6)];
                for (int b = 0; b < noise.length; b++) {
                    noise[b] = (byte) (0x80 + random.nextInt(0x80));
                }
                how.append(" high-bytes");
                path.writeBytes(noise);
            } else {
                int which = random.nextInt(BAD_BYTES.size());
                how.append(" bad").append(which);
                path.writeBytes(BAD_BYTES.get(which));
            }
        }
        return path.toByteArray();
    }
}

package io.vantage.connector.fuzz.graphite;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;

import io.vantage.connector.fuzz.HostileCase;
import io.vantage.connector.fuzz.Mutations;

/**
 * Makes hostile Graphite connections, each from its own seed so that any one can be replayed: random bytes with
 * and without NUL, damaged valid lines, lines at and over the length limit, lines left unfinished, {@code \r}-only
 * line ends, huge and odd numbers, odd timestamps, long and badly encoded paths, floods of invalid lines around
 * the limit of 100 in a row, and plain valid lines; one in six is trickled slowly, and each ends by reading to the
 * end, half-closing, closing or resetting.
 */
public final class GraphiteHostileCases {

    private static final int KINDS = 15;
    /** A trickled stream takes about this long at most, well within the idle timeout between its lines. */
    private static final int TRICKLE_MILLIS = 1_200;

    private final int maxLineBytes;

    public GraphiteHostileCases(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    public HostileCase next(long seed) {
        Random random = new Random(seed);
        StringBuilder how = new StringBuilder();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String kind = fill(random.nextInt(KINDS), random, bytes, how);
        byte[] stream = bytes.toByteArray();
        HostileCase.Step step = new HostileCase.Step.Write(stream);
        if (random.nextInt(6) == 0 && stream.length > 0) {
            int pause = 5 + random.nextInt(30);
            int perWrite = Math.max(1 + random.nextInt(16), stream.length * pause / TRICKLE_MILLIS + 1);
            how.append(", trickled ").append(perWrite).append(" bytes every ").append(pause).append(" ms");
            step = new HostileCase.Step.Trickle(stream, perWrite, pause);
        }
        return new HostileCase(kind, how.toString().trim(), seed, List.of(step), ending(random), false);
    }

    private String fill(int kind, Random random, ByteArrayOutputStream out, StringBuilder how) {
        switch (kind) {
            case 0:
            case 1: {
                byte[] noise = Mutations.randomBytes(random, 1 + random.nextInt(2_000));
                boolean nul = kind == 1;
                for (int i = 0; i < noise.length; i++) {
                    noise[i] = nul || noise[i] != 0 ? noise[i] : 1;
                    noise[i] = random.nextInt(40) == 0 ? (byte) '\n' : noise[i];
                }
                out.writeBytes(noise);
                return nul ? "random bytes with NUL" : "random bytes without NUL";
            }
            case 2:
            case 3:
                out.writeBytes(Mutations.mutate(GraphiteLines.utf8(GraphiteLines.validLines(random,
                        1 + random.nextInt(20))), random, how));
                return "damaged valid lines";
            case 4: {
                boolean near = random.nextBoolean();
                int length = near ? maxLineBytes - 1 + random.nextInt(4)
                        : maxLineBytes + 1 + random.nextInt(maxLineBytes * 3);
                String end = GraphiteLines.pick(random, List.of("\n", "\r\n", "\r", "", "\r\r\n"));
                how.append(length).append(" bytes and ").append(end.replace("\r", "\\r").replace("\n", "\\n"));
                out.writeBytes(GraphiteLines.utf8(GraphiteLines.validLines(random, random.nextInt(4))));
                // a valid line but for its length: a tiny value spelled with many zeros
                String head = "fuzz.long 0.";
                String tail = "1 1700000000";
                out.writeBytes(GraphiteLines.utf8(head + "0".repeat(length - head.length() - tail.length()) + tail
                        + end));
                return near ? "line at the length limit" : "over-long line";
            }
            case 5: {
                String line = GraphiteLines.validLine(random);
                int cut = 1 + random.nextInt(line.length() - 1);
                how.append("cut at ").append(cut);
                out.writeBytes(GraphiteLines.utf8(GraphiteLines.validLines(random, random.nextInt(5))
                        + line.substring(0, cut)));
                return "line without newline";
            }
            case 6: {
                int count = 1 + random.nextInt(30);
                how.append(count).append(" lines");
                for (int i = 0; i < count; i++) {
                    out.writeBytes(GraphiteLines.utf8(GraphiteLines.validLine(random).strip() + "\r"));
                }
                return "\\r-only line ends";
            }
            case 7:
                numbers(random, out, GraphiteLines.HUGE_VALUES, GraphiteLines.VALID_TIMESTAMPS);
                return "huge numbers";
            case 8:
                numbers(random, out, GraphiteLines.ODD_VALUES, GraphiteLines.VALID_TIMESTAMPS);
                return "NaN, Infinity, hex and other odd values";
            case 9:
                numbers(random, out, GraphiteLines.VALID_VALUES, GraphiteLines.ODD_TIMESTAMPS);
                return "negative, zero and exponent timestamps";
            case 10:
                out.writeBytes(GraphiteLines.utf8(GraphiteLines.line(GraphitePaths.longPath(random, how), "1",
                        "1700000000", random)));
                return "very long paths";
            case 11: {
                int count = 1 + random.nextInt(10);
                for (int i = 0; i < count; i++) {
                    out.writeBytes(GraphitePaths.oddPath(random, how));
                    out.writeBytes(GraphiteLines.utf8(" 1 1700000000\n"));
                }
                return "UTF-8 garbage in paths";
            }
            case 12:
            case 13:
                invalidFlood(random, out, how);
                return "many invalid lines in a row";
            default:
                out.writeBytes(GraphiteLines.utf8(GraphiteLines.validLines(random, 1 + random.nextInt(40))));
                return "valid lines";
        }
    }

    private static void numbers(Random random, ByteArrayOutputStream out, List<String> values,
                                List<String> timestamps) {
        int count = 1 + random.nextInt(10);
        for (int i = 0; i < count; i++) {
            out.writeBytes(GraphiteLines.utf8(GraphiteLines.line(GraphiteLines.path(random),
                    GraphiteLines.pick(random, values), GraphiteLines.pick(random, timestamps), random)));
        }
    }

    /**
     * 99 to 102 junk lines, sometimes with blank lines (which do not break the run) or one valid line (which does),
     * and sometimes valid lines after them, which the server only delivers if the run stayed within the limit.
     */
    private static void invalidFlood(Random random, ByteArrayOutputStream out, StringBuilder how) {
        int count = 99 + random.nextInt(4);
        int validAt = random.nextInt(3) == 0 ? random.nextInt(count) : -1;
        boolean blanks = random.nextBoolean();
        how.append(count).append(" junk lines").append(blanks ? ", blank lines between" : "")
                .append(validAt >= 0 ? ", a valid one at " + validAt : "");
        for (int i = 0; i < count; i++) {
            String line = i == validAt ? GraphiteLines.validLine(random)
                    : GraphiteLines.pick(random, GraphiteLines.JUNK_LINES) + "\n";
            out.writeBytes(GraphiteLines.utf8(line + (blanks && random.nextInt(4) == 0 ? "\r\n" : "")));
        }
        int after = random.nextBoolean() ? 1 + random.nextInt(5) : 0;
        how.append(after > 0 ? ", " + after + " valid lines after" : "");
        out.writeBytes(GraphiteLines.utf8(GraphiteLines.validLines(random, after)));
    }

    private static HostileCase.Ending ending(Random random) {
        int roll = random.nextInt(100);
        if (roll < 40) {
            return HostileCase.Ending.READ_TO_END;
        }
        if (roll < 70) {
            return HostileCase.Ending.HALF_CLOSE;
        }
        return roll < 85 ? HostileCase.Ending.CLOSE : HostileCase.Ending.RESET;
    }
}

package io.vantage.connector.fuzz.graphite;

/**
 * Predicts, from the protocol's rules, how the Graphite listener ends a byte stream: lines end in {@code \n} or
 * {@code \r\n}; an empty line is ignored; a line longer than {@code maxLineBytes} (noticed at its first byte too
 * many, a {@code \r} just past the limit still allowed in case {@code \n} follows), a NUL byte, or more than 100
 * invalid lines in a row (empty lines neither count nor break the run) earn one {@code ERROR} line.
 */
public final class GraphiteOracle {

    public static final String BINARY = "binary data (a NUL byte) is not Graphite's plaintext protocol";
    public static final String TOO_MANY_INVALID = "more than 100 invalid lines in a row";
    private static final int MAX_INVALID_IN_A_ROW = 100;

    private final int maxLineBytes;
    private final String tooLong;

    public GraphiteOracle(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
        this.tooLong = "line longer than " + maxLineBytes + " bytes";
    }

    /** The reason of the ERROR line for an over-long line. */
    public String tooLong() {
        return tooLong;
    }

    public GraphitePrediction predict(byte[] stream) {
        byte[] line = new byte[maxLineBytes + 1];
        int length = 0;
        int valid = 0;
        int invalidInARow = 0;
        for (byte b : stream) {
            if (b == '\n') {
                int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
                length = 0;
                if (end > maxLineBytes) {
                    return new GraphitePrediction(tooLong, valid, false);
                }
                if (end == 0) {
                    continue;
                }
                if (GraphiteLineRules.isValid(line, end)) {
                    valid++;
                    invalidInARow = 0;
                } else if (++invalidInARow > MAX_INVALID_IN_A_ROW) {
                    return new GraphitePrediction(TOO_MANY_INVALID, valid, false);
                }
            } else if (b == 0) {
                return new GraphitePrediction(BINARY, valid, false);
            } else if (length > maxLineBytes || length == maxLineBytes && b != '\r') {
                return new GraphitePrediction(tooLong, valid, false);
            } else {
                line[length++] = b;
            }
        }
        return new GraphitePrediction(null, valid, length > 0);
    }
}

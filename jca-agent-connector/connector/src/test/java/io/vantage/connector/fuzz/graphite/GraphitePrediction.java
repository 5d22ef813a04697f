package io.vantage.connector.fuzz.graphite;

/**
 * What the Graphite listener must make of one byte stream sent at once, as {@link GraphiteOracle} works it out.
 *
 * @param fatalReason the reason in the {@code ERROR} line the stream earns, {@code null} when it earns none
 * @param validLines  the valid lines before the end or the fatal input; the server delivers each exactly once
 *                    when it reads the whole stream
 * @param endsInLine  whether the stream stops inside a line (no fatal input), which the server drops at the end
 */
public record GraphitePrediction(String fatalReason, int validLines, boolean endsInLine) {

    public boolean fatal() {
        return fatalReason != null;
    }
}

package io.vantage.connector.graphite;

/**
 * One valid Graphite line.
 *
 * @param path            the dotted metric path, as sent
 * @param value           a finite value
 * @param timestampMillis the line's Unix seconds as epoch milliseconds
 */
record ParsedLine(String path, double value, long timestampMillis) {
}

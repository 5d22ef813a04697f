package io.vantage.connector.graphite;

import java.nio.charset.StandardCharsets;

import io.vantage.connector.logging.ConnectorLogger;

/**
 * What one Graphite connection has said, turned into batches: parses each line, drops and counts invalid ones,
 * collects valid ones, and hands a batch to the {@link DeliveryPipeline} when it is full, when the sender has been
 * quiet for the flush interval, or when the connection ends. Knows nothing of sockets. Runs on the selector thread.
 */
final class GraphiteSession {

    /** More invalid lines than this in a row is not a sender with a few bad names but one speaking something else. */
    static final int MAX_INVALID_IN_A_ROW = 100;
    /**
     * A sender trickling lines more often than the flush interval would otherwise never be quiet long enough:
     * its oldest line is handed over after this many flush intervals regardless.
     */
    private static final int MAX_AGE_IN_FLUSH_INTERVALS = 10;
    private static final int EXCERPT_CHARS = 80;

    private final GraphiteConnection connection;
    private final GraphiteCounters counters;
    private final int maxLinesPerBatch;
    private final long flushNanos;
    private final BatchBuilder building;
    private final DeliveryPipeline pipeline;
    private long firstLineAt;
    private long lastLineAt;
    private int invalidInARow;
    private boolean finishing;

    GraphiteSession(GraphiteConnection connection, GraphiteServerSettings settings, GraphiteCounters counters,
                    GraphiteDeliveries deliveries) {
        this.connection = connection;
        this.counters = counters;
        this.maxLinesPerBatch = settings.maxLinesPerBatch();
        this.flushNanos = settings.flushInterval().toNanos();
        this.building = new BatchBuilder(maxLinesPerBatch);
        this.pipeline = new DeliveryPipeline(connection, deliveries, counters, settings, this::onSettled);
    }

    void onLine(byte[] bytes, int length, long now) throws FatalInputException {
        if (length == 0) {
            return; // a blank line says nothing; senders emit them between bursts
        }
        ParsedLine line;
        try {
            line = GraphiteLineParser.parse(bytes, length);
        } catch (InvalidLineException e) {
            invalid(e.getMessage(), bytes, length);
            return;
        }
        invalidInARow = 0;
        if (building.isEmpty()) {
            firstLineAt = now;
        }
        building.add(line);
        lastLineAt = now;
        counters.linesAccepted.incrementAndGet();
        // a full batch waits for a busy pipeline; the connection's read bound keeps it from overflowing meanwhile
        flushIfDue(now);
    }

    /** The connection ended in the middle of a line: it may be cut anywhere, even inside a number, so drop it. */
    void onTruncatedLine() {
        counters.linesInvalid.incrementAndGet();
        ConnectorLogger.graphiteLineInvalid(connection.remoteAddress(), "connection ended inside a line", "");
    }

    /** Whether the connection may read: not while a batch is outstanding (TCP backpressure instead of loss). */
    boolean wantsInput() {
        return !finishing && !pipeline.busy();
    }

    /**
     * How many valid lines the next read may bring without overflowing: the room in the batch being built, and a
     * whole second batch when the pipeline is free to take the first one as soon as it fills.
     */
    int lineAllowance() {
        return building.room() + (pipeline.busy() ? 0 : maxLinesPerBatch);
    }

    void tick(long now) {
        pipeline.retryIfDue(now);
        flushIfDue(now);
    }

    /** No more lines will come: hand over what is buffered as soon as the pipeline is free. */
    void finish() {
        finishing = true;
        flushIfDue(System.nanoTime());
    }

    /** Whether every line received has been stored or dropped. */
    boolean done() {
        return building.isEmpty() && !pipeline.busy();
    }

    int linesHeld() {
        return building.size() + pipeline.linesHeld();
    }

    private void flushIfDue(long now) {
        if (building.isEmpty() || pipeline.busy()) {
            return;
        }
        if (finishing || building.isFull() || now - lastLineAt >= flushNanos
                || now - firstLineAt >= MAX_AGE_IN_FLUSH_INTERVALS * flushNanos) {
            handOff();
        }
    }

    private void handOff() {
        pipeline.offer(building.take(connection.remoteAddress()));
    }

    private void onSettled() {
        flushIfDue(System.nanoTime());
        connection.settled();
    }

    private void invalid(String reason, byte[] bytes, int length) throws FatalInputException {
        counters.linesInvalid.incrementAndGet();
        ConnectorLogger.graphiteLineInvalid(connection.remoteAddress(), reason, excerpt(bytes, length));
        if (++invalidInARow > MAX_INVALID_IN_A_ROW) {
            throw new FatalInputException("more than " + MAX_INVALID_IN_A_ROW + " invalid lines in a row");
        }
    }

    /** The start of a bad line for the log, printable ASCII only so a sender cannot forge log lines. */
    private static String excerpt(byte[] bytes, int length) {
        byte[] shown = new byte[Math.min(length, EXCERPT_CHARS)];
        for (int i = 0; i < shown.length; i++) {
            byte b = bytes[i];
            shown[i] = b >= 0x20 && b < 0x7f ? b : (byte) '?';
        }
        return new String(shown, StandardCharsets.US_ASCII) + (length > EXCERPT_CHARS ? "..." : "");
    }
}

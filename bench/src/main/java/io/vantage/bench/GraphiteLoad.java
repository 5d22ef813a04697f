package io.vantage.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * N Graphite plaintext clients on one selector thread, each its own connection, together writing {@code rate}
 * lines per second in chunks every 100 ms; a client whose socket is full (the receiver is not keeping up) falls
 * behind, which shows as an achieved rate below target. Every series advances one second per line so no two lines
 * share a (path, timestamp): nothing is deduplicated away.
 */
final class GraphiteLoad {

    /** What one run sent. */
    record Result(long sentLines, double achievedRate) {
    }

    private final String host;
    private final int port;
    private final int clients;
    private final int metricsPerClient;
    private final String tag;

    GraphiteLoad(String host, int port, int clients, int metricsPerClient, String tag) {
        this.host = host;
        this.port = port;
        this.clients = clients;
        this.metricsPerClient = metricsPerClient;
        this.tag = tag;
    }

    Result run(double rate, int seconds, long baseEpochSeconds) throws IOException {
        long tickNanos = TimeUnit.MILLISECONDS.toNanos(100);
        int linesPerClientTick = Math.max(1, (int) Math.round(rate / 10 / clients));
        try (Selector selector = Selector.open()) {
            SocketChannel[] channels = new SocketChannel[clients];
            ByteBuffer[] pending = new ByteBuffer[clients];
            long[][] nextTs = new long[clients][metricsPerClient];
            int[] cursor = new int[clients];
            for (int c = 0; c < clients; c++) {
                channels[c] = SocketChannel.open(new InetSocketAddress(host, port));
                channels[c].configureBlocking(false);
                java.util.Arrays.fill(nextTs[c], baseEpochSeconds);
            }
            long sent = 0;
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            long nextTick = start;
            while (System.nanoTime() < end) {
                long now = System.nanoTime();
                if (now >= nextTick) {
                    for (int c = 0; c < clients; c++) {
                        if (pending[c] != null && pending[c].hasRemaining()) {
                            continue; // still behind: skip this tick's lines for the client
                        }
                        StringBuilder chunk = new StringBuilder(linesPerClientTick * 40);
                        for (int i = 0; i < linesPerClientTick; i++) {
                            int m = cursor[c];
                            cursor[c] = (m + 1) % metricsPerClient;
                            chunk.append(GraphiteLines.line(GraphiteLines.path(c, tag, m), i % 100, nextTs[c][m]++));
                        }
                        pending[c] = ByteBuffer.wrap(chunk.toString().getBytes(StandardCharsets.US_ASCII));
                        sent += linesPerClientTick;
                    }
                    nextTick += tickNanos;
                }
                boolean blocked = false;
                for (int c = 0; c < clients; c++) {
                    if (pending[c] != null && pending[c].hasRemaining()) {
                        channels[c].write(pending[c]);
                        blocked |= pending[c].hasRemaining();
                    }
                }
                long sleep = Math.max(0, nextTick - System.nanoTime());
                if (sleep > 0) {
                    TimeUnit.NANOSECONDS.sleep(blocked ? Math.min(sleep, 2_000_000) : sleep);
                }
            }
            // finish what was generated, bounded
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            for (int c = 0; c < clients; c++) {
                while (pending[c] != null && pending[c].hasRemaining() && System.nanoTime() < deadline) {
                    channels[c].write(pending[c]);
                    if (pending[c].hasRemaining()) {
                        TimeUnit.MILLISECONDS.sleep(2);
                    }
                }
                channels[c].close();
            }
            return new Result(sent, sent / (double) seconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}

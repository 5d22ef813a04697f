package io.vantage.it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Samples sent the way collectd sends them, as Graphite plaintext lines to the server's Graphite port: each value and
 * time is exactly the one a test needs, and a host's first line makes its node.
 */
final class GraphiteLines {

    private GraphiteLines() {
    }

    /** One sample of {@code metric} for {@code host}, as collectd's write_graphite names it. */
    static void send(String host, String metric, double value, Instant at) throws IOException {
        send("collectd." + host + "." + metric + " " + value + " " + at.getEpochSecond() + "\n");
    }

    /** Lines as they are, each ending in a newline, over one connection. */
    static void send(String lines) throws IOException {
        try (Socket sender = new Socket("127.0.0.1", RunningVantage.GRAPHITE_PORT)) {
            OutputStream out = sender.getOutputStream();
            out.write(lines.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }
}

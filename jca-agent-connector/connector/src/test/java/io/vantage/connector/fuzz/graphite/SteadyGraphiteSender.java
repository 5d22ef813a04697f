package io.vantage.connector.fuzz.graphite;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A well-behaved Graphite sender on one connection: writes valid lines {@code <name>.n<k> <k> <timestamp>} with
 * k counting up from 1, a few at a time, sometimes split mid-line across writes, until told to stop; then
 * half-closes and expects the server to close without a word once it has taken every line.
 */
public final class SteadyGraphiteSender implements Runnable {

    private static final int READ_TIMEOUT_MILLIS = 8_000;
    private static final long TIMESTAMP = 1_700_000_000L;

    private final String name;
    private final InetSocketAddress server;
    private final Random random;
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private volatile boolean stopping;
    private volatile long sent;

    public SteadyGraphiteSender(String name, InetSocketAddress server, long seed) {
        this.name = name;
        this.server = server;
        this.random = new Random(seed);
    }

    public String name() {
        return name;
    }

    /** The path of the sender's k-th line. */
    public String path(long k) {
        return name + ".n" + k;
    }

    /** Every path sent so far, in order. */
    public List<String> sentPaths() {
        List<String> paths = new ArrayList<>();
        for (long k = 1; k <= sent; k++) {
            paths.add(path(k));
        }
        return paths;
    }

    public long sent() {
        return sent;
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    public void stop() {
        stopping = true;
    }

    @Override
    public void run() {
        try (Socket socket = new Socket()) {
            socket.connect(server, READ_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            while (!stopping) {
                sendSome(out);
                Thread.sleep(random.nextInt(15));
            }
            socket.shutdownOutput();
            GraphiteAnswer answer = GraphiteAnswer.readToEnd(socket.getInputStream());
            if (answer.end() != GraphiteAnswer.End.EOF || !answer.silent()) {
                failures.add("after its last line the server answered '" + answer.shown() + "' and ended with "
                        + answer.end() + ", expected a plain close");
            }
        } catch (IOException e) {
            failures.add("the connection failed after " + sent + " lines: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add("interrupted after " + sent + " lines");
        }
    }

    private void sendSome(OutputStream out) throws IOException, InterruptedException {
        int count = 1 + random.nextInt(5);
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            long k = sent + i;
            lines.append(path(k)).append(' ').append(k).append(' ').append(TIMESTAMP + k)
                    .append(random.nextInt(4) == 0 ? "\r\n" : "\n");
        }
        byte[] bytes = GraphiteLines.utf8(lines.toString());
        int split = random.nextInt(3) == 0 ? 1 + random.nextInt(bytes.length - 1) : bytes.length;
        out.write(bytes, 0, split);
        out.flush();
        if (split < bytes.length) {
            Thread.sleep(1 + random.nextInt(3));
            out.write(bytes, split, bytes.length - split);
            out.flush();
        }
        sent += count;
    }
}

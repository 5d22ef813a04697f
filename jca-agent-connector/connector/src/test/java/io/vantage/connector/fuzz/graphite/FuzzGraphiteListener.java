package io.vantage.connector.fuzz.graphite;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.vantage.connector.api.BatchNotStoredException;
import io.vantage.connector.api.GraphiteBatch;
import io.vantage.connector.api.GraphiteListener;

/**
 * The application as the Graphite fuzz test sees it. Answers every {@value #NOT_STORED_EVERY}th offer "not
 * stored", so batches are offered again and reading pauses for longer, and holds some deliveries a moment, so
 * senders meet backpressure. Keeps the paths of tracked senders (the well-behaved ones and the final probe) in
 * delivery order, only counts the hostile connections' lines, and notes every line that should never have
 * reached it.
 */
public final class FuzzGraphiteListener implements GraphiteListener {

    private static final int NOT_STORED_EVERY = 7;
    private static final int HOLD_EVERY = 5;

    private final Map<String, List<String>> tracked = new ConcurrentHashMap<>();
    private final AtomicLong offers = new AtomicLong();
    private final LongAdder hostileLines = new LongAdder();
    private final LongAdder linesStored = new LongAdder();
    private final Queue<String> violations = new ConcurrentLinkedQueue<>();

    /** @param senders the names whose lines ({@code <name>.<anything>}) are kept in order */
    public FuzzGraphiteListener(Collection<String> senders) {
        senders.forEach(name -> tracked.put(name, Collections.synchronizedList(new ArrayList<>())));
    }

    @Override
    public void deliver(GraphiteBatch batch) throws BatchNotStoredException {
        long offer = offers.incrementAndGet();
        if (offer % NOT_STORED_EVERY == 0) {
            throw new BatchNotStoredException("fuzz: storage busy", null);
        }
        if (offer % HOLD_EVERY == 0) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BatchNotStoredException("interrupted", e);
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            check(batch, i);
            String path = batch.paths()[i];
            int dot = path == null ? -1 : path.indexOf('.');
            List<String> paths = dot < 0 ? null : tracked.get(path.substring(0, dot));
            if (paths == null) {
                hostileLines.increment();
            } else {
                paths.add(path);
            }
        }
        linesStored.add(batch.size());
    }

    /** The paths stored for one tracked sender, in delivery order. */
    public List<String> pathsOf(String sender) {
        List<String> paths = tracked.get(sender);
        synchronized (paths) {
            return List.copyOf(paths);
        }
    }

    public long hostileLines() {
        return hostileLines.sum();
    }

    public long linesStored() {
        return linesStored.sum();
    }

    public long offers() {
        return offers.get();
    }

    /** Lines that reached the application although the protocol forbids them. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    private void check(GraphiteBatch batch, int i) {
        String path = batch.paths()[i];
        if (!GraphiteLineRules.isPath(path) || !Double.isFinite(batch.values()[i]) || batch.timestamps()[i] <= 0) {
            violations.add("line " + i + " of a batch from " + batch.remoteAddress() + ": path '" + path
                    + "', value " + batch.values()[i] + ", timestamp " + batch.timestamps()[i]);
        }
    }
}

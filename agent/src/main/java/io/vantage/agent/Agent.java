package io.vantage.agent;

import io.vantage.agent.collect.CollectorSet;
import io.vantage.agent.config.AgentConfig;
import io.vantage.agent.diag.RequestDesk;
import io.vantage.agent.log.AgentLog;
import io.vantage.agent.spool.DiskSpool;
import io.vantage.agent.spool.MemorySpool;
import io.vantage.agent.spool.SequenceCounter;
import io.vantage.agent.spool.Spool;
import io.vantage.agent.transport.Backoff;
import io.vantage.agent.transport.ConnectAttempt;
import io.vantage.agent.transport.Link;
import io.vantage.agent.transport.LinkReader;
import io.vantage.agent.transport.Outbox;
import io.vantage.agent.transport.ReconnectPlan;
import io.vantage.agent.transport.RequestHandler;
import io.vantage.agent.transport.ServerRefusedException;
import io.vantage.agent.transport.ServerUntrustedException;
import io.vantage.agent.transport.TlsConnector;
import io.vantage.agent.transport.TransportSettings;
import io.vantage.protocol.CheckRun;
import io.vantage.protocol.Hello;
import io.vantage.protocol.Ping;
import io.vantage.protocol.Pong;
import io.vantage.protocol.ProtocolVersions;
import io.vantage.protocol.Response;
import io.vantage.protocol.Sample;
import io.vantage.protocol.SampleBatch;
import io.vantage.protocol.Welcome;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The running agent. One thread (the caller of {@link #run()}) collects a batch at every tick, keeps the connection
 * up and writes to it; a second thread per connection reads the server's answers, and a short-lived one makes each
 * connection attempt, so that collecting never waits for a server. Between ticks the agent sleeps until the next
 * tick, an answer from the server, a finished connection attempt, a ping due or a reconnect due.
 */
public final class Agent implements AutoCloseable {

    /** Stand-in for "no deadline" that stays safe in {@link System#nanoTime()} arithmetic. */
    private static final long FAR_NANOS = TimeUnit.HOURS.toNanos(1);

    private final AgentConfig config;
    private final TransportSettings settings;
    private final CollectorSet collectors;
    private final Spool spool;
    private final SequenceCounter sequences;
    private final Outbox outbox;
    private final ReconnectPlan plan;
    private final TlsConnector tls;
    private final Hello hello;
    private final RequestHandler requests;
    private final long intervalNanos;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile boolean started;
    private volatile ConnectAttempt attempt;
    private volatile Link link;
    private long pingNonce;
    /** The connection the agent last said it sends no status texts over, so that it says so once per connection. */
    private Link textsNotSentOn;

    private Agent(AgentConfig config, TransportSettings settings, CollectorSet collectors, Spool spool,
                  SequenceCounter sequences, RequestHandler requests) {
        this.config = config;
        this.requests = requests;
        this.settings = settings;
        this.collectors = collectors;
        this.spool = spool;
        this.sequences = sequences;
        this.outbox = new Outbox(spool, settings);
        this.plan = new ReconnectPlan(config.servers(),
                new Backoff(settings.initialBackoff(), settings.maxBackoff(), () -> ThreadLocalRandom.current().nextDouble()),
                settings.refusedRetryDelay().toMillis());
        this.tls = TlsConnector.of(config.tls());
        this.hello = new Hello(ProtocolVersions.MIN_SUPPORTED, ProtocolVersions.MAX_SUPPORTED, config.agentId(),
                config.agentKey(), config.hostname(), AgentVersion.current());
        this.intervalNanos = config.interval().toNanos();
    }

    /**
     * An agent ready to {@link #run()}: with a spool dir, its batches and last sequence are reloaded and the
     * directory locked.
     *
     * @throws IOException when the spool dir cannot be used
     */
    public static Agent open(AgentConfig config, TransportSettings settings, CollectorSet collectors)
            throws IOException {
        return open(config, settings, collectors, RequestDesk.standard());
    }

    /** As {@link #open(AgentConfig, TransportSettings, CollectorSet)}, answering the server's requests with {@code requests}. */
    public static Agent open(AgentConfig config, TransportSettings settings, CollectorSet collectors,
                             RequestHandler requests) throws IOException {
        long now = System.currentTimeMillis();
        if (config.spoolDir() == null) {
            return new Agent(config, settings, collectors, new MemorySpool(config.maxPendingBatches()),
                    SequenceCounter.startingAt(now), requests);
        }
        DiskSpool spool = DiskSpool.open(config.spoolDir(), config.spoolMaxBytes());
        try {
            SequenceCounter sequences = SequenceCounter.persistedIn(config.spoolDir(), spool.lastSequence(), now);
            AgentLog.spoolReloaded(config.spoolDir().toString(), spool.size(), sequences.last());
            return new Agent(config, settings, collectors, spool, sequences, requests);
        } catch (IOException | RuntimeException e) {
            spool.close();
            throw e;
        }
    }

    /** Runs {@link #run()} on a thread of its own, for embedding and tests. */
    public void start() {
        started = true;
        Thread thread = new Thread(this::run, "vantage-agent");
        thread.setDaemon(true);
        thread.start();
    }

    /** Collects and sends until {@link #stop()}; then closes the connection and the spool. */
    public void run() {
        started = true;
        AgentLog.starting(AgentVersion.current(), config.agentId(), config.hostname(), config.servers().toString(),
                config.interval().toMillis(), spool.describe());
        if (tls != null) {
            AgentLog.tlsEnabled(tls.describe());
        }
        try {
            loop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            AgentLog.unexpected("Agent stopped on an unexpected failure", e);
            throw e;
        } finally {
            Link current = link;
            if (current != null) {
                current.close("the agent is stopping");
            }
            AgentLog.stopping(outbox.unacknowledged());
            spool.close();
            if (requests instanceof AutoCloseable closeable) {
                closeQuietly(closeable);
            }
            finished.countDown();
        }
    }

    private void loop() throws InterruptedException {
        long nextTick = System.nanoTime();
        long reconnectAt = nextTick;
        while (running) {
            long now = System.nanoTime();
            if (now - nextTick >= 0) {
                tick();
                nextTick += intervalNanos;
                if (now - nextTick >= 0) {
                    nextTick = now + intervalNanos; // fell behind (suspend, slow connect): skip, do not catch up
                }
            }
            Link current = link;
            if (current != null && !current.isOpen()) {
                outbox.linkEnded(current);
                link = null;
                AgentLog.connectionLost(current.server().toString(), current.closeReason(), outbox.unacknowledged());
                reconnectAt = now + TimeUnit.MILLISECONDS.toNanos(plan.connectionLost(current));
                current = null;
            }
            if (current == null) {
                ConnectAttempt pending = attempt;
                if (pending != null && pending.isDone()) {
                    attempt = null;
                    reconnectAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(connected(pending));
                    continue;
                }
                if (pending == null && now - reconnectAt >= 0) {
                    attempt = ConnectAttempt.start(plan.server(), hello, settings, tls, outbox::wake);
                }
                outbox.await(attempt != null ? nextTick : earliest(nextTick, reconnectAt));
            } else {
                send(current);
                outbox.await(earliest(nextTick, pingDue(current)));
            }
        }
    }

    private void tick() {
        List<CheckRun> checks = new ArrayList<>(0);
        List<Sample> samples = collectors.collect(System.currentTimeMillis(), checks);
        if (!samples.isEmpty()) {
            // the check runs are spooled with their samples, so their texts are as durable as the numbers
            outbox.add(new SampleBatch(sequences.next(), samples, checks));
        }
    }

    /** Takes up a finished connection attempt; returns the milliseconds to wait before the next, 0 after a success. */
    private long connected(ConnectAttempt finished) {
        Link opened = finished.link();
        if (opened == null) {
            Exception failure = finished.failure();
            if (failure instanceof ServerRefusedException refusal) {
                return plan.refused(refusal);
            }
            if (failure instanceof ServerUntrustedException untrusted && running) {
                return plan.untrusted(untrusted);
            }
            return running ? plan.connectFailed(describe(failure)) : 0;
        }
        if (!running) {
            opened.close("the agent is stopping");
            return 0;
        }
        Welcome welcome = opened.welcome();
        int alreadyStored = outbox.linkStarted(opened, welcome.lastStoredSequence());
        sequences.advancePast(welcome.lastStoredSequence());
        plan.connected();
        AgentLog.connected(opened.server().toString(), welcome.version(), welcome.heartbeatSeconds(),
                welcome.lastStoredSequence(), outbox.unacknowledged());
        if (alreadyStored > 0) {
            AgentLog.alreadyStored(welcome.lastStoredSequence(), alreadyStored);
        }
        link = opened;
        LinkReader.start(opened, outbox, requests);
        return 0;
    }

    /**
     * Writes pongs and responses owed, then batches while the outbox allows, then a ping if the connection has been
     * quiet.
     */
    private void send(Link current) {
        try {
            for (Long nonce = outbox.nextPong(); nonce != null; nonce = outbox.nextPong()) {
                current.send(new Pong(nonce));
            }
            for (Response response = outbox.nextResponse(); response != null; response = outbox.nextResponse()) {
                current.send(response);
            }
            boolean checksFit = ProtocolVersions.carriesCheckRuns(current.welcome().version());
            for (SampleBatch batch = outbox.nextToSend(); batch != null; batch = outbox.nextToSend()) {
                if (!checksFit && !batch.checks().isEmpty() && textsNotSentOn != current) {
                    textsNotSentOn = current;
                    AgentLog.checkTextsNotSent(current.server().toString(), current.welcome().version());
                }
                // a version 1 server gets the numbers alone: it has no frame for the texts
                current.send(checksFit ? batch : batch.withoutChecks());
            }
            if (System.nanoTime() - pingDue(current) >= 0) {
                current.send(new Ping(++pingNonce));
            }
        } catch (IOException e) {
            current.close("cannot send: " + e.getMessage());
            outbox.wake(); // handle the loss on the next pass instead of sleeping first
        }
    }

    /**
     * When a ping is due: after half the heartbeat without sending anything, because the server closes the
     * connection once a whole heartbeat passes in silence and a ping sent at the last moment may arrive too late.
     */
    private long pingDue(Link current) {
        int heartbeatSeconds = current.welcome().heartbeatSeconds();
        if (heartbeatSeconds <= 0) {
            return System.nanoTime() + FAR_NANOS;
        }
        return current.lastSentNanos() + TimeUnit.SECONDS.toNanos(heartbeatSeconds) / 2;
    }

    /** Stops {@link #run()} soon, abandoning a connection attempt in progress. */
    public void stop() {
        running = false;
        ConnectAttempt pending = attempt;
        if (pending != null) {
            pending.abandon();
        }
        Link current = link;
        if (current != null) {
            current.close("the agent is stopping");
        }
        outbox.wake();
    }

    /** Waits until {@link #run()} has finished after {@link #stop()}. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Stops the agent and waits for it; closes the spool itself when the agent never ran. */
    @Override
    public void close() throws InterruptedException {
        stop();
        if (started) {
            awaitStopped(Duration.ofSeconds(10));
        } else {
            spool.close();
        }
    }

    /** How many batches the server has not acknowledged yet. */
    public int unacknowledged() {
        return outbox.unacknowledged();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // the agent is stopping; a helper that will not close cleanly changes nothing
        }
    }

    private static long earliest(long a, long b) {
        return a - b < 0 ? a : b;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + message;
    }
}

package io.vantage.connector.nio;

import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * A listener's side of TLS: its certificate and key (in the {@link SSLContext}), the protocol versions it allows,
 * and the workers that run the handshakes' expensive steps off the selector thread. Makes the
 * {@link TransportFactory} through which every accepted socket of that listener speaks TLS, and nothing else.
 * Each connection costs about 6 KiB for its session, plus up to about 50 KiB of buffers only while bytes are in
 * transit (see {@link TlsTransport}).
 */
public final class ServerTls {

    /** Workers idle this long end, so a listener that no agent is reconnecting to keeps no threads. */
    private static final long WORKER_IDLE_SECONDS = 30;

    private final SSLContext context;
    private final List<String> protocols;
    private final String certificate;
    private final ThreadPoolExecutor workers;

    /**
     * @param context     holds the server's key and certificate chain
     * @param protocols   the TLS versions to accept, for example TLSv1.3 and TLSv1.2
     * @param certificate how logs name the certificate: its subject and expiry
     */
    public ServerTls(SSLContext context, List<String> protocols, String certificate) {
        this.context = Objects.requireNonNull(context, "context");
        this.protocols = List.copyOf(protocols);
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        // the key exchange and signature are CPU work: more threads than half the cores would only compete with
        // the application server for them, and a queue is bounded by the listener's connection limit anyway
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() / 2));
        AtomicInteger count = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, WORKER_IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "vantage-tls-handshake-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.workers.allowCoreThreadTimeOut(true);
    }

    public List<String> protocols() {
        return protocols;
    }

    public String certificate() {
        return certificate;
    }

    /** The transports of one listener's loop: TLS over every socket it accepts. */
    public TransportFactory transports(SelectorLoop<?> loop, TlsLog log) {
        Workers running = new Workers(loop, workers, log);
        return (SocketChannel channel, SocketConnection owner) -> {
            SSLEngine engine = context.createSSLEngine();
            engine.setUseClientMode(false);
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setProtocols(protocols.toArray(String[]::new));
            engine.setSSLParameters(parameters);
            try {
                engine.beginHandshake();
            } catch (SSLException e) {
                // an engine that cannot even start is a broken context, not a peer's doing
                throw new IllegalStateException("cannot start a TLS handshake: " + e.getMessage(), e);
            }
            return new TlsTransport(channel, engine, owner, running);
        };
    }

    /** Runs a session's delegated tasks and hands the session back to its selector thread. */
    static final class Workers {

        private final SelectorLoop<?> loop;
        private final Executor executor;
        private final TlsLog log;

        Workers(SelectorLoop<?> loop, Executor executor, TlsLog log) {
            this.loop = loop;
            this.executor = executor;
            this.log = log;
        }

        TlsLog log() {
            return log;
        }

        /** Runs {@code tasks} on a worker, then {@code then} on the selector thread if the owner is still open. */
        void run(SocketConnection owner, List<Runnable> tasks, Runnable then) {
            Runnable work = () -> {
                try {
                    tasks.forEach(Runnable::run);
                } finally {
                    loop.runOnSelector(owner, then);
                }
            };
            try {
                executor.execute(work);
            } catch (RejectedExecutionException e) {
                work.run(); // cannot happen with an unbounded queue; slow is better than stuck
            }
        }
    }
}

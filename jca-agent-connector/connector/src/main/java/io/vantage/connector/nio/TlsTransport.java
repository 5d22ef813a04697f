package io.vantage.connector.nio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;

/**
 * TLS over one accepted socket, driven by an {@link SSLEngine} on the selector thread without ever blocking it:
 * reads unwrap, writes wrap, and the handshake advances from whichever of the two the selector wakes it for.
 * The engine's delegated tasks (the key exchange and the certificate signature) run on the {@link ServerTls}'s
 * workers, not inline: measured with an RSA 2048 key they take about 3 ms each once warm and up to 100 ms cold,
 * so a fleet reconnecting after a restart would otherwise stall every other connection for seconds. Meanwhile the connection watches for nothing; the worker hands it back to the selector.
 *
 * <p>A peer whose first byte is not a TLS handshake record, such as a plaintext agent, is refused at once rather
 * than left to the handshake timeout.
 *
 * <p>Memory per connection: the engine and its session, about 6 KiB once the handshake is done (measured on JDK 17,
 * TLS 1.3, RSA 2048), for as long as the connection lives; and while bytes are in transit up to three buffers of
 * about 16.7 KiB each, dropped as soon as they are empty (see {@link TlsBuffers}). 10,000 quiet agents thus cost
 * about 60 MB more over TLS than over plain TCP.
 */
final class TlsTransport implements Transport {

    private static final int HANDSHAKE_RECORD = 22;

    private final SocketChannel channel;
    private final SSLEngine engine;
    private final SocketConnection owner;
    private final ServerTls.Workers workers;
    private final TlsBuffers buffers;
    private boolean tasksRunning;
    private boolean established;
    private boolean failed;
    private boolean firstByteChecked;
    /** The peer sent close_notify, or its socket ended. */
    private boolean inputEnded;
    private boolean endReported;
    private boolean outputEnding;
    private boolean outputShut;

    TlsTransport(SocketChannel channel, SSLEngine engine, SocketConnection owner, ServerTls.Workers workers) {
        this.channel = channel;
        this.engine = engine;
        this.owner = owner;
        this.workers = workers;
        this.buffers = new TlsBuffers(engine);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int total = buffers.drainAppIn(dst);
        while (dst.hasRemaining() && !buffers.hasAppIn() && !tasksRunning && !inputEnded && !failed) {
            HandshakeStatus status = engine.getHandshakeStatus();
            if (status == HandshakeStatus.NEED_TASK) {
                startTasks();
            } else if (status == HandshakeStatus.NEED_WRAP) {
                if (!wrapHandshake()) {
                    break;
                }
            } else if (!buffers.netInHasRecord() && !fill()) {
                break;
            } else {
                total += unwrap(dst);
            }
        }
        buffers.trim();
        if (total > 0 || buffers.hasAppIn() || !inputEnded) {
            return total;
        }
        endReported = true;
        return -1;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (!established || outputEnding || !flush()) {
            return 0;
        }
        int before = src.remaining();
        while (src.hasRemaining()) {
            SSLEngineResult result = wrap(src);
            if (result.getStatus() == Status.CLOSED) {
                throw new SSLException("the TLS session is closed");
            }
            if (!buffers.writeNetOut(channel) || engine.getHandshakeStatus() != HandshakeStatus.NOT_HANDSHAKING) {
                break; // the socket is full, or the session has handshake business first: flush() sees to it
            }
        }
        buffers.trim();
        return before - src.remaining();
    }

    @Override
    public boolean flush() throws IOException {
        if (failed) {
            throw new SSLException("the TLS session failed");
        }
        while (!tasksRunning && buffers.writeNetOut(channel)) {
            HandshakeStatus status = engine.getHandshakeStatus();
            if (status == HandshakeStatus.NEED_TASK) {
                startTasks();
            } else if (status != HandshakeStatus.NEED_WRAP || !wrapHandshake()) {
                break;
            }
        }
        boolean drained = !tasksRunning && !buffers.hasNetOut();
        if (drained && outputEnding && !outputShut) {
            outputShut = true;
            channel.shutdownOutput();
        }
        buffers.trim();
        return drained && engine.getHandshakeStatus() != HandshakeStatus.NEED_WRAP;
    }

    @Override
    public boolean endOutput() throws IOException {
        if (!outputEnding) {
            outputEnding = true;
            engine.closeOutbound();
        }
        flush();
        return outputShut;
    }

    @Override
    public boolean established() {
        return established;
    }

    @Override
    public boolean hasBufferedInput() {
        if (tasksRunning || failed) {
            return false;
        }
        if (buffers.hasAppIn() || inputEnded && !endReported) {
            return true;
        }
        // a whole record waits, unless the engine must first send something the socket will not take yet
        return buffers.netInHasRecord()
                && !(engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP && buffers.hasNetOut());
    }

    @Override
    public int interestOps(boolean read, boolean write) {
        if (tasksRunning) {
            return 0;
        }
        HandshakeStatus status = engine.getHandshakeStatus();
        boolean writing = buffers.hasNetOut() || status == HandshakeStatus.NEED_WRAP || write && established;
        boolean reading = read || status == HandshakeStatus.NEED_UNWRAP;
        return (reading ? SelectionKey.OP_READ : 0) | (writing ? SelectionKey.OP_WRITE : 0);
    }

    @Override
    public void close() {
        if (established && !failed && !tasksRunning && !outputEnding) {
            // close_notify, as far as the socket takes it now: the connection is going either way
            try {
                engine.closeOutbound();
                wrap(TlsBuffers.EMPTY);
                buffers.writeNetOut(channel);
            } catch (IOException | RuntimeException e) {
                // the peer learns of the close from the FIN alone
            }
        }
        Closing.quietly(channel);
        buffers.release();
    }

    /** Reads more encrypted input; returns whether there is any new to unwrap. */
    private boolean fill() throws IOException {
        int read = buffers.fillNetIn(channel);
        if (read < 0) {
            inputEnded = true; // a truncated session: what was decrypted is still read, then the end
            return false;
        }
        if (!firstByteChecked && buffers.firstNetInByte() >= 0) {
            firstByteChecked = true;
            if (buffers.firstNetInByte() != HANDSHAKE_RECORD) {
                failed = true;
                workers.log().notTls(owner.remoteAddress());
                throw new SSLException("the peer does not speak TLS");
            }
        }
        return read > 0;
    }

    /** Unwraps one record into {@code dst} when it surely fits, else into the buffer; returns bytes put in dst. */
    private int unwrap(ByteBuffer dst) throws IOException {
        if (dst.remaining() >= engine.getSession().getApplicationBufferSize()) {
            SSLEngineResult result = unwrapInto(dst);
            if (result.getStatus() != Status.BUFFER_OVERFLOW) {
                noteEnd(result);
                return result.bytesProduced();
            }
        }
        SSLEngineResult result;
        try {
            result = unwrapInto(buffers.appInForUnwrap());
        } finally {
            buffers.appInUnwrapped();
        }
        if (result.getStatus() == Status.BUFFER_OVERFLOW) {
            buffers.growAppIn();
        }
        noteEnd(result);
        return buffers.drainAppIn(dst);
    }

    private SSLEngineResult unwrapInto(ByteBuffer target) throws IOException {
        try {
            SSLEngineResult result = engine.unwrap(buffers.netIn(), target);
            noteHandshake(result);
            return result;
        } catch (SSLException e) {
            throw failed(e);
        }
    }

    /** An incomplete record needs nothing here: the read loop fills the buffer from the socket next. */
    private void noteEnd(SSLEngineResult result) {
        if (result.getStatus() == Status.CLOSED) {
            inputEnded = true;
        }
    }

    /** Wraps what the handshake has to say and sends it; returns whether that made progress. */
    private boolean wrapHandshake() throws IOException {
        if (!buffers.writeNetOut(channel)) {
            return false;
        }
        SSLEngineResult result = wrap(TlsBuffers.EMPTY);
        buffers.writeNetOut(channel);
        return result.bytesProduced() > 0 || result.getStatus() == Status.BUFFER_OVERFLOW
                || result.getHandshakeStatus() == HandshakeStatus.NEED_TASK;
    }

    private SSLEngineResult wrap(ByteBuffer src) throws IOException {
        SSLEngineResult result;
        try {
            result = engine.wrap(src, buffers.netOutForWrap());
        } catch (SSLException e) {
            throw failed(e);
        } finally {
            buffers.netOutWrapped();
        }
        noteHandshake(result);
        if (result.getStatus() == Status.BUFFER_OVERFLOW && !buffers.hasNetOut()) {
            buffers.growNetOut();
        }
        return result;
    }

    private void noteHandshake(SSLEngineResult result) {
        if (result.getStatus() == Status.OK && result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
            markEstablished();
        } else {
            noteHandshake();
        }
    }

    /** A handshake may also end in a delegated task, which reports nothing: the engine's state tells. */
    private void noteHandshake() {
        if (engine.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING) {
            markEstablished();
        }
    }

    private void markEstablished() {
        if (!established && !outputEnding && !failed) {
            established = true;
            workers.log().established(owner.remoteAddress(), engine.getSession().getProtocol(),
                    engine.getSession().getCipherSuite());
        }
    }

    /** Hands the engine's tasks to a worker; the selector watches nothing for this connection until they are done. */
    private void startTasks() {
        List<Runnable> tasks = new ArrayList<>();
        for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
            tasks.add(task);
        }
        tasksRunning = true;
        workers.run(owner, tasks, () -> {
            tasksRunning = false;
            noteHandshake();
            try {
                owner.resume();
            } catch (IOException e) {
                owner.closeNow("TLS failed: " + e.getMessage());
            }
        });
    }

    /** Logs the failure and tries once to send the engine's alert, which tells a TLS peer what went wrong. */
    private IOException failed(SSLException e) {
        failed = true;
        workers.log().failed(owner.remoteAddress(), established, String.valueOf(e.getMessage()));
        try {
            engine.wrap(TlsBuffers.EMPTY, buffers.netOutForWrap());
            buffers.netOutWrapped();
            buffers.writeNetOut(channel);
        } catch (IOException | RuntimeException ignored) {
            // the peer learns of the failure from the closed connection alone
        }
        return e;
    }
}

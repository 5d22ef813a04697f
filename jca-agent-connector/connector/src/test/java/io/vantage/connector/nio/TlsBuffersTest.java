package io.vantage.connector.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

import org.junit.jupiter.api.Test;

/** A TLS session's buffers: allocated when needed, gone when empty, and never larger than twice the session's. */
class TlsBuffersTest {

    private final SSLEngine engine = engine();
    private final TlsBuffers buffers = new TlsBuffers(engine);
    private final int packetSize = engine.getSession().getPacketBufferSize();
    private final int appSize = engine.getSession().getApplicationBufferSize();

    @Test
    void a_quiet_session_holds_no_buffer() {
        assertEquals(0, buffers.allocatedBytes());
        assertEquals(0, buffers.netIn().remaining());
        assertFalse(buffers.hasAppIn());
        assertFalse(buffers.hasNetOut());
    }

    @Test
    void buffers_come_at_the_sessions_size_when_needed_and_go_once_drained() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open();
             SocketChannel client = SocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            client.connect(server.getLocalAddress());
            try (SocketChannel accepted = server.accept()) {
                buffers.netOutForWrap().put("encrypted".getBytes(StandardCharsets.US_ASCII));
                buffers.netOutWrapped();
                assertEquals(packetSize, buffers.allocatedBytes());
                assertTrue(buffers.writeNetOut(client));

                accepted.configureBlocking(false);
                awaitReadable(accepted, 9);
                assertEquals(packetSize * 2, buffers.allocatedBytes(), "both buffers, the output one now empty");
                assertEquals(9, buffers.netIn().remaining());
                buffers.netIn().position(buffers.netIn().limit());
                buffers.trim();
                assertEquals(0, buffers.allocatedBytes());
            }
        }
    }

    @Test
    void decrypted_input_the_reader_has_no_room_for_waits_and_is_handed_out_in_order() {
        buffers.appInForUnwrap().put("0123456789".getBytes(StandardCharsets.US_ASCII));
        buffers.appInUnwrapped();
        assertEquals(appSize, buffers.allocatedBytes());

        ByteBuffer small = ByteBuffer.allocate(4);
        assertEquals(4, buffers.drainAppIn(small));
        assertEquals("0123", new String(small.array(), StandardCharsets.US_ASCII));
        ByteBuffer rest = ByteBuffer.allocate(64);
        assertEquals(6, buffers.drainAppIn(rest));
        buffers.trim();
        assertEquals(0, buffers.allocatedBytes());
    }

    @Test
    void a_session_asking_for_ever_larger_buffers_is_refused_past_twice_its_size() throws Exception {
        buffers.appInForUnwrap().put((byte) 7);
        buffers.appInUnwrapped();
        buffers.growAppIn();
        assertEquals(appSize * 2, buffers.allocatedBytes());
        assertEquals(7, buffers.appInForUnwrap().flip().get(0), "growing keeps what was there");
        buffers.appInUnwrapped();

        assertThrows(SSLException.class, buffers::growAppIn);
        buffers.growNetOut();
        buffers.growNetOut();
        assertThrows(SSLException.class, buffers::growNetOut);
    }

    /** Fills the input buffer until {@code bytes} have arrived. */
    private void awaitReadable(SocketChannel channel, int bytes) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (buffers.netIn().remaining() < bytes && System.nanoTime() < deadline) {
            buffers.fillNetIn(channel);
            Thread.sleep(1);
        }
    }

    private static SSLEngine engine() {
        try {
            return SSLContext.getDefault().createSSLEngine();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

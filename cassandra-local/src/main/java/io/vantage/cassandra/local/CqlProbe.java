package io.vantage.cassandra.local;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * Asks a port whether Cassandra's native protocol (CQL) is serving there, and whether a port is free.
 *
 * <p>An open TCP port alone is not proof: another program may hold it. The probe sends the protocol's
 * OPTIONS request (v4 framing, which Cassandra 3 to 5 speak before STARTUP) and wants SUPPORTED back.
 */
public final class CqlProbe {

    /** Native protocol v4 request header: version, flags, stream id (2 bytes), opcode, body length (4 bytes). */
    private static final byte[] OPTIONS_V4 = {0x04, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00};
    private static final int OPCODE_SUPPORTED = 0x06;
    private static final int OPCODE_ERROR = 0x00;

    private CqlProbe() {
    }

    /**
     * Whether {@code host:port} answers a native-protocol OPTIONS request within {@code timeout}.
     * An ERROR answer also counts: only a CQL server frames one (for example while it refuses v4).
     */
    public static boolean isServing(String host, int port, Duration timeout) {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            OutputStream out = socket.getOutputStream();
            out.write(OPTIONS_V4);
            out.flush();
            byte[] header = new byte[9];
            new DataInputStream(socket.getInputStream()).readFully(header);
            int version = header[0] & 0xff;
            int opcode = header[4] & 0xff;
            // bit 7 of the version byte marks a response
            return (version & 0x80) != 0 && (opcode == OPCODE_SUPPORTED || opcode == OPCODE_ERROR);
        } catch (IOException e) {
            // refused, timed out, closed early: not serving (yet)
            return false;
        }
    }

    /**
     * Whether nothing listens on {@code 127.0.0.1:port}, by binding it for a moment. Binding is the test
     * Cassandra itself will face; a listener on the wildcard address also makes it fail.
     */
    public static boolean isPortFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // like Cassandra: connections of a stopped instance in TIME_WAIT must not count as "in use"
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

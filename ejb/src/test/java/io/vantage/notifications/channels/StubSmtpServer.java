package io.vantage.notifications.channels;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A misbehaving SMTP server on a loopback port, for what GreenMail will not do: refuse every recipient with a
 * permanent 550, or accept connections and never say a word.
 */
final class StubSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final boolean silent;

    private StubSmtpServer(boolean silent) throws IOException {
        this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.silent = silent;
        Thread thread = new Thread(this::serve, "stub-smtp-" + socket.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    static StubSmtpServer refusingRecipients() throws IOException {
        return new StubSmtpServer(false);
    }

    static StubSmtpServer silent() throws IOException {
        return new StubSmtpServer(true);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                if (silent) {
                    client.getInputStream().read(); // hold the connection until the client gives up
                } else {
                    converse(client);
                }
            } catch (IOException e) {
                // the client hung up or the test closed the server; either way, on to the next connection
            }
        }
    }

    private static void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = client.getOutputStream();
        reply(out, "220 stub ESMTP");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
            switch (command) {
                case "EHLO", "HELO", "MAIL", "RSET", "NOOP" -> reply(out, "250 OK");
                case "RCPT" -> reply(out, "550 5.1.1 No such user here");
                case "QUIT" -> {
                    reply(out, "221 Bye");
                    return;
                }
                default -> reply(out, "502 5.5.2 Command not implemented");
            }
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

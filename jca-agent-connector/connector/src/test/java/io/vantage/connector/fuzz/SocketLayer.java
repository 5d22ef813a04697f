package io.vantage.connector.fuzz;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * What a fuzz client puts over its connected socket before talking: nothing for the plain listener, a verified
 * TLS session for the TLS one. Closing the TCP socket underneath still ends either, which the watchdog relies on.
 */
@FunctionalInterface
public interface SocketLayer {

    SocketLayer PLAIN = (connected, server) -> connected;

    Socket over(Socket connected, InetSocketAddress server) throws IOException;

    /** TLS trusting what {@code context} trusts, with the server's name checked as the real agent does. */
    static SocketLayer tls(SSLContext context) {
        return (connected, server) -> {
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(connected,
                    server.getAddress().getHostAddress(), server.getPort(), true);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return socket;
        };
    }
}

package io.vantage.connector.nio;

import java.nio.channels.SocketChannel;

/**
 * Makes the {@link Transport} an accepted socket speaks through: {@link #PLAIN} TCP, or TLS from a
 * {@link ServerTls}. One factory serves every connection of a listener.
 */
@FunctionalInterface
public interface TransportFactory {

    /** Plain TCP, what every listener speaks unless configured otherwise. */
    TransportFactory PLAIN = (channel, owner) -> new PlainTransport(channel);

    /**
     * @param owner the connection the transport serves, for handing back work done off the selector thread; it is
     *              still being constructed, so the transport only keeps it
     */
    Transport open(SocketChannel channel, SocketConnection owner);
}

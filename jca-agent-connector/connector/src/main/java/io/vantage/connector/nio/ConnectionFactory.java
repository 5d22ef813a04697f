package io.vantage.connector.nio;

import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * Makes the protocol's connection for a socket the {@link SelectorLoop} has just accepted and registered: the one
 * point where a server plugs its own protocol into the shared loop.
 *
 * @param <C> the protocol's connection
 */
@FunctionalInterface
public interface ConnectionFactory<C extends NioConnection> {

    /** @param now when the connection was accepted, by {@link System#nanoTime} */
    C open(SocketChannel channel, SelectionKey key, String remoteAddress, long now);
}

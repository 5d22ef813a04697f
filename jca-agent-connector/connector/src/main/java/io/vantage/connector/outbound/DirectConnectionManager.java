package io.vantage.connector.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnectionFactory;

/**
 * The connection manager of a factory made outside a container (non-managed use, tests): a managed connection per
 * handle, dropped when the handle closes, as there is nothing to pool.
 */
final class DirectConnectionManager implements ConnectionManager {

    private static final long serialVersionUID = 1L;

    @Override
    public Object allocateConnection(ManagedConnectionFactory factory, ConnectionRequestInfo info)
            throws ResourceException {
        return factory.createManagedConnection(null, info).getConnection(null, info);
    }
}

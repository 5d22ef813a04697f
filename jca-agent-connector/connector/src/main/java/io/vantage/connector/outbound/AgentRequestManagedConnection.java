package io.vantage.connector.outbound;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;

import io.vantage.connector.server.AgentServer;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;

/**
 * The outbound side's managed connection. There is no physical connection to open per application connection: the
 * agents' sockets belong to the adapter's listener, and every managed connection sends through it. What the pool
 * manages is the application's use of it, so the container's usual rules (handles, pooling, cleanup) hold. No
 * transactions: a request to an agent cannot be rolled back.
 */
final class AgentRequestManagedConnection implements ManagedConnection {

    private final AgentRequestsManagedConnectionFactory factory;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<AgentRequestConnectionHandle> handles = ConcurrentHashMap.newKeySet();
    private volatile PrintWriter logWriter;

    AgentRequestManagedConnection(AgentRequestsManagedConnectionFactory factory) {
        this.factory = factory;
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) {
        AgentRequestConnectionHandle handle = new AgentRequestConnectionHandle(this);
        handles.add(handle);
        return handle;
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        if (!(connection instanceof AgentRequestConnectionHandle handle)) {
            throw new ResourceException("not a handle of the agent connector: " + connection);
        }
        handle.moveTo(this);
        handles.add(handle);
    }

    @Override
    public void cleanup() {
        handles.forEach(AgentRequestConnectionHandle::invalidate);
        handles.clear();
    }

    @Override
    public void destroy() {
        cleanup();
        listeners.clear();
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("requests to agents take part in no transaction");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("requests to agents take part in no transaction");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new ManagedConnectionMetaData() {
            @Override
            public String getEISProductName() {
                return "Vantage agents";
            }

            @Override
            public String getEISProductVersion() {
                return "agent protocol " + io.vantage.protocol.ProtocolVersions.MAX_SUPPORTED;
            }

            @Override
            public int getMaxConnections() {
                return 0; // no limit of its own: the pool's is the one that counts
            }

            @Override
            public String getUserName() {
                return "";
            }
        };
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    AgentRequestsManagedConnectionFactory factory() {
        return factory;
    }

    /** The adapter's running listener, or {@code null}. */
    AgentServer agentServer() {
        return factory.agentServer();
    }

    /** The application closed a handle: the container may take this managed connection back into its pool. */
    void handleClosed(AgentRequestConnectionHandle handle) {
        handles.remove(handle);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        for (ConnectionEventListener listener : listeners) {
            listener.connectionClosed(event);
        }
    }
}

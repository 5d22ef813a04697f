package io.vantage.connector;

import java.io.IOException;
import java.util.concurrent.Executor;

import io.vantage.connector.api.AgentListener;
import io.vantage.connector.api.GraphiteListener;
import io.vantage.connector.graphite.GraphiteServer;
import io.vantage.connector.graphite.GraphiteServerSettings;
import io.vantage.connector.logging.ConnectorLogger;
import io.vantage.connector.nio.ServerTls;
import io.vantage.connector.server.AgentServer;
import io.vantage.connector.server.AgentServerSettings;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapterInternalException;

/**
 * Starts the adapter's listeners together: every setting is checked before anything binds, and when the Graphite
 * port cannot be bound the agent listener is stopped again, so a failed start leaves no socket behind.
 *
 * @param agents   the agent listener, running
 * @param graphite the Graphite listener, running, or {@code null} when disabled (graphitePort -1)
 */
record Listeners(AgentServer agents, GraphiteServer graphite) {

    static Listeners start(AgentResourceAdapter adapter, Executor executor, AgentListener agentListener,
                           GraphiteListener graphiteListener) throws ResourceAdapterInternalException {
        AgentServerSettings settings;
        ServerTls tls;
        GraphiteServerSettings graphiteSettings;
        try {
            settings = AdapterSettings.from(adapter);
            tls = AdapterTls.from(adapter);
            graphiteSettings = AdapterSettings.graphite(adapter);
        } catch (InvalidPropertyException e) {
            throw new ResourceAdapterInternalException(e.getMessage(), e);
        }
        AgentServer agents = new AgentServer(settings, executor, agentListener, tls);
        try {
            agents.start();
        } catch (IOException | RuntimeException e) {
            throw new ResourceAdapterInternalException("the agent connector cannot listen on "
                    + settings.bindAddress() + ": " + e, e);
        }
        GraphiteServer graphite = null;
        if (graphiteSettings == null) {
            ConnectorLogger.graphiteListenerDisabled();
        } else {
            graphite = new GraphiteServer(graphiteSettings, executor, graphiteListener);
            try {
                graphite.start();
            } catch (IOException | RuntimeException e) {
                agents.stop();
                throw new ResourceAdapterInternalException("the agent connector cannot listen for Graphite on "
                        + graphiteSettings.bindAddress() + ": " + e, e);
            }
        }
        String tlsNote = tls == null ? ", plain TCP" : ", TLS " + tls.protocols();
        ConnectorLogger.adapterStarted(settings + tlsNote + (graphiteSettings == null ? "" : ", " + graphiteSettings));
        return new Listeners(agents, graphite);
    }
}

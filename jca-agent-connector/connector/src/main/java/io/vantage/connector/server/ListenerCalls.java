package io.vantage.connector.server;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

import io.vantage.connector.api.AgentBatch;
import io.vantage.connector.api.AgentCredentials;
import io.vantage.connector.api.AgentListener;
import io.vantage.connector.nio.Handoff;
import io.vantage.connector.nio.SelectorLoop;

/**
 * The agent listener's two calls into the application, admitting an agent and delivering a batch, made off the
 * selector thread through a {@link Handoff}, which brings exactly one answer back to the connection.
 */
final class ListenerCalls {

    private final AgentListener listener;
    private final Handoff<AgentConnection> handoff;

    ListenerCalls(AgentListener listener, Executor executor, SelectorLoop<AgentConnection> loop) {
        this.listener = listener;
        this.handoff = new Handoff<>(executor, loop);
    }

    void admit(AgentCredentials credentials, AgentConnection connection, Consumer<AdmissionOutcome> then) {
        handoff.call(connection, () -> AdmissionOutcome.ask(listener, credentials), AdmissionOutcome::failed, then);
    }

    void deliver(AgentBatch batch, AgentConnection connection, Consumer<DeliveryOutcome> then) {
        handoff.call(connection, () -> DeliveryOutcome.deliver(listener, batch), DeliveryOutcome::notStored, then);
    }
}

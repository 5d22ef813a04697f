package io.vantage.diagnostics;

import io.vantage.connector.api.ProcessList;
import io.vantage.connector.api.ProcessQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/** {@link OtherInstances} for a single server instance, or until the fan-out over JMS exists: nobody else to ask. */
@ApplicationScoped
public class SingleInstance implements OtherInstances {

    @Override
    public Optional<ProcessList> processes(String agentId, ProcessQuery query, Duration timeout) {
        return Optional.empty();
    }
}

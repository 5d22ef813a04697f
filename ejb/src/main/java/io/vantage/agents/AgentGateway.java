package io.vantage.agents;

import io.vantage.connector.api.AgentAdmission;
import io.vantage.connector.api.AgentBatch;
import io.vantage.connector.api.AgentCredentials;
import io.vantage.connector.api.AgentListener;
import io.vantage.connector.api.AgentRejectedException;
import io.vantage.connector.api.BatchNotStoredException;
import io.vantage.connector.api.BatchRejectedException;
import io.vantage.metrics.MetricIngestion;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.jboss.ejb3.annotation.ResourceAdapter;

/**
 * Where the agent connector hands over: admissions and batches from every connected agent. Thin on purpose: it
 * delegates to {@link AgentAdmissions} and {@link MetricIngestion}, whose transactions commit before this returns,
 * so the connector acknowledges a batch only once it is durable.
 */
@MessageDriven(messageListenerInterface = AgentListener.class)
@ResourceAdapter("vantage.ear#connector.rar")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AgentGateway implements AgentListener {

    @Inject
    AgentAdmissions admissions;

    @Inject
    MetricIngestion ingestion;

    @Override
    public AgentAdmission admit(AgentCredentials credentials) throws AgentRejectedException {
        AgentIdentity identity = admissions.admit(credentials);
        // stored samples are idempotent upserts, so a replay costs a rewrite, never a duplicate
        return new AgentAdmission(identity.agentId(), 0);
    }

    @Override
    public void deliver(AgentBatch batch) throws BatchNotStoredException, BatchRejectedException {
        ingestion.ingest(batch);
    }
}

package io.vantage.graphite;

import io.vantage.connector.api.BatchNotStoredException;
import io.vantage.connector.api.BatchRejectedException;
import io.vantage.connector.api.GraphiteBatch;
import io.vantage.connector.api.GraphiteListener;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.jboss.ejb3.annotation.ResourceAdapter;

/** Where the connector hands over Graphite lines; thin on purpose, {@link GraphiteIngestion} does the work. */
@MessageDriven(messageListenerInterface = GraphiteListener.class)
@ResourceAdapter("vantage.ear#connector.rar")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GraphiteGateway implements GraphiteListener {

    @Inject
    GraphiteIngestion ingestion;

    @Override
    public void deliver(GraphiteBatch batch) throws BatchNotStoredException, BatchRejectedException {
        ingestion.ingest(batch);
    }
}

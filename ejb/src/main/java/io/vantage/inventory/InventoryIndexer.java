package io.vantage.inventory;

import io.vantage.MonitoringLog;
import io.vantage.persistence.inventory.Node;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;

/**
 * Rebuilds the node index at start when it does not hold what the database holds: a fresh data directory, a restored
 * database backup, or rows written by SQL. The index is otherwise kept current by Hibernate Search as nodes change.
 */
@Singleton
@Startup
@DependsOn("RelationalSchemaMigrator")
public class InventoryIndexer {

    @PersistenceContext(unitName = "vantage")
    EntityManager em;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void reindexIfStale() {
        SearchSession search = Search.session(em);
        long inDatabase = em.createQuery("select count(n) from Node n", Long.class).getSingleResult();
        long inIndex = search.search(Node.class).where(f -> f.matchAll()).fetchTotalHitCount();
        if (inDatabase == inIndex) {
            return;
        }
        try {
            search.massIndexer(Node.class).threadsToLoadObjects(1).startAndWait();
            MonitoringLog.inventoryReindexed(inDatabase, inIndex);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

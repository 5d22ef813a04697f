package io.vantage.infrastructure.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import io.vantage.ServiceLog;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The application's one Cassandra session. It connects at start and applies the CQL schema; when Cassandra is not
 * reachable the application still starts, storage reports itself unavailable (samples wait in the JMS topic) and a
 * timer retries until Cassandra answers.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CassandraSessions {

    private static final Duration RETRY_EVERY = Duration.ofSeconds(10);

    @Resource
    TimerService timers;

    private CassandraSettings settings;
    private volatile CqlSession session;

    @PostConstruct
    void connectAtStart() {
        settings = CassandraSettings.from(System.getProperties());
        if (!tryConnect()) {
            timers.createIntervalTimer(RETRY_EVERY.toMillis(), RETRY_EVERY.toMillis(), new TimerConfig(null, false));
        }
    }

    @Timeout
    void retry(jakarta.ejb.Timer timer) {
        if (session != null || tryConnect()) {
            timer.cancel();
        }
    }

    /**
     * The connected session.
     *
     * @throws StorageUnavailableException while Cassandra has not been reached
     */
    public CqlSession session() {
        CqlSession current = session;
        if (current == null) {
            throw new StorageUnavailableException("Cassandra at " + settings.describeContactPoints()
                    + " has not been reached yet");
        }
        return current;
    }

    private synchronized boolean tryConnect() {
        if (session != null) {
            return true;
        }
        try {
            try (CqlSession bootstrap = builder().build()) {
                CassandraSchema.createKeyspace(bootstrap, settings);
            }
            CqlSession connected = builder().withKeyspace(settings.keyspace()).build();
            CassandraSchema.apply(connected);
            session = connected;
            ServiceLog.cassandraConnected(settings.describeContactPoints(), settings.keyspace());
            return true;
        } catch (RuntimeException e) {
            ServiceLog.cassandraUnavailable(settings.describeContactPoints(), e.toString());
            return false;
        }
    }

    private CqlSessionBuilder builder() {
        ClassLoader classLoader = CassandraSessions.class.getClassLoader();
        DriverConfigLoader config = DriverConfigLoader.programmaticBuilder(classLoader)
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10))
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(10))
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(30))
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(30))
                // the driver's default backs off to a minute between attempts: a Cassandra restarted after an outage
                // would wait that long for its first write while batches pile up on the metrics topic
                .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(10))
                .build();
        return CqlSession.builder()
                .withClassLoader(classLoader)
                .withConfigLoader(config)
                .addContactPoints(settings.contactPoints().stream()
                        .map(point -> new InetSocketAddress(point.getHostString(), point.getPort()))
                        .toList())
                .withLocalDatacenter(settings.localDatacenter());
    }

    @PreDestroy
    void close() {
        CqlSession current = session;
        session = null;
        if (current != null) {
            current.close();
        }
    }
}

package io.vantage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.ClockProducer;
import io.vantage.ServiceLog;
import io.vantage.agents.AgentDirectory;
import io.vantage.agents.AgentIdentity;
import io.vantage.connector.api.AgentBatch;
import io.vantage.connector.api.BatchNotStoredException;
import io.vantage.connector.api.BatchRejectedException;
import io.vantage.infrastructure.cassandra.CassandraSampleRepository;
import io.vantage.infrastructure.jms.JmsMetricEvents;
import io.vantage.metrics.BatchRules;
import io.vantage.metrics.IngestMeters;
import io.vantage.metrics.MetricBatchCodec;
import io.vantage.metrics.MetricEvents;
import io.vantage.metrics.MetricIngestion;
import io.vantage.metrics.SampleStorageConsumer;
import io.vantage.persistence.metrics.LatestValue;
import io.vantage.persistence.metrics.SamplePoint;
import io.vantage.persistence.metrics.SampleRepository;
import jakarta.inject.Inject;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ingestion service and the storage consumer inside WildFly, against the real Artemis topic and the real
 * Cassandra. The test deployment's storage consumer joins the application's shared durable subscription, so each
 * batch is stored by exactly one of them (scoped round-robin) and the test sees it in Cassandra either way.
 */
@ExtendWith(ArquillianExtension.class)
class IngestionAndStorageIT {

    @Deployment
    static WebArchive servicesUnderTest() {
        EnterpriseArchive application = ShrinkWrap.createFromZipFile(EnterpriseArchive.class,
                new File(System.getProperty("vantage.ear")));
        WebArchive war = ShrinkWrap.create(WebArchive.class, "ingestion-and-storage-test.war")
                .addPackages(false, CassandraSampleRepository.class.getPackage(), JmsMetricEvents.class.getPackage())
                .addClasses(MetricIngestion.class, IngestMeters.class, BatchRules.class, MetricEvents.class, MetricBatchCodec.class,
                        SampleStorageConsumer.class, AgentDirectory.class, AgentIdentity.class, ServiceLog.class,
                        ClockProducer.class, Waits.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, ArchivePaths.create("beans.xml"));
        application.getContent(path -> path.get().startsWith("/lib/")).keySet().forEach(path -> {
            String fileName = path.get().substring("/lib/".length());
            // renamed: an archive read from the EAR is named by its full path, which would nest it under WEB-INF/lib
            JavaArchive library = ShrinkWrap.create(JavaArchive.class, fileName)
                    .merge(application.getAsType(JavaArchive.class, path));
            // the types only: the application's own persistence unit stays the application's
            library.delete("META-INF/persistence.xml");
            war.addAsLibrary(library);
        });
        return war;
    }

    @Inject
    MetricIngestion ingestion;

    @Inject
    AgentDirectory directory;

    @Inject
    SampleRepository samples;

    @Test
    void an_ingested_batch_reaches_cassandra_through_the_topic_and_the_storage_consumer() throws Exception {
        AgentIdentity agent = admitNewAgent();
        Instant now = Instant.now();
        ingestion.ingest(batch(agent, 1, new String[] {"cpu.user", "cpu.user", "load.1m"},
                new long[] {now.minusSeconds(2).toEpochMilli(), now.minusSeconds(1).toEpochMilli(),
                        now.minusSeconds(1).toEpochMilli()}, new double[] {1.5, 2.5, 0.5}));

        List<SamplePoint> stored = awaitSamples(agent, "cpu.user", 2);
        assertEquals(List.of(1.5, 2.5), stored.stream().map(SamplePoint::value).toList());
        Map<String, Double> latest = latest(agent);
        assertEquals(2.5, latest.get("cpu.user"));
        assertEquals(0.5, latest.get("load.1m"));
    }

    @Test
    void a_replayed_batch_is_stored_once_and_an_older_replay_never_hides_a_newer_value() throws Exception {
        AgentIdentity agent = admitNewAgent();
        long newer = Instant.now().toEpochMilli();
        long older = newer - 10_000;
        AgentBatch first = batch(agent, 1, new String[] {"mem.used_percent"}, new long[] {older}, new double[] {40});
        AgentBatch second = batch(agent, 2, new String[] {"mem.used_percent"}, new long[] {newer}, new double[] {60});
        ingestion.ingest(first);
        ingestion.ingest(second);
        awaitSamples(agent, "mem.used_percent", 2);

        ingestion.ingest(first);
        ingestion.ingest(second);
        ingestion.ingest(first);
        ingestion.ingest(batch(agent, 3, new String[] {"marker.done"}, new long[] {newer}, new double[] {1}));
        awaitSamples(agent, "marker.done", 1);

        assertEquals(2, samplesOf(agent, "mem.used_percent").size(), "replays overwrite, never duplicate");
        assertEquals(60.0, latest(agent).get("mem.used_percent"), "the newest value stays the latest");
    }

    @Test
    void a_batch_breaking_the_rules_is_rejected_whole_and_nothing_of_it_is_stored() throws Exception {
        AgentIdentity agent = admitNewAgent();
        long now = Instant.now().toEpochMilli();
        assertThrows(BatchRejectedException.class, () -> ingestion.ingest(batch(agent, 1,
                new String[] {"cpu.user", "bad name"}, new long[] {now, now}, new double[] {1, 2})));

        ingestion.ingest(batch(agent, 2, new String[] {"marker.done"}, new long[] {now}, new double[] {1}));
        awaitSamples(agent, "marker.done", 1);
        assertTrue(samplesOf(agent, "cpu.user").isEmpty(), "the valid half of a rejected batch is not stored");
    }

    @Test
    void a_batch_from_an_agent_not_admitted_on_this_server_is_not_stored_so_the_agent_resends_it() {
        AgentIdentity stranger = new AgentIdentity("never-admitted-" + System.nanoTime(), 1, 1, "nowhere");
        long now = Instant.now().toEpochMilli();
        assertThrows(BatchNotStoredException.class, () -> ingestion.ingest(batch(stranger, 1,
                new String[] {"cpu.user"}, new long[] {now}, new double[] {1})));
    }

    private AgentIdentity admitNewAgent() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // ids far above anything the application creates, so tests never read each other's series
        AgentIdentity agent = new AgentIdentity("arquillian-" + random.nextLong(1, Long.MAX_VALUE),
                random.nextLong(1_000_000_000L, 2_000_000_000L), random.nextLong(1_000_000_000L, 2_000_000_000L),
                "arquillian-host");
        directory.admitted(agent);
        return agent;
    }

    private static AgentBatch batch(AgentIdentity agent, long sequence, String[] metrics, long[] timestamps,
                                    double[] values) {
        return new AgentBatch(agent.agentId(), agent.hostname(), sequence, metrics, timestamps, values);
    }

    private List<SamplePoint> awaitSamples(AgentIdentity agent, String metric, int count) {
        return Waits.until(Duration.ofSeconds(30), () -> {
            List<SamplePoint> found = samplesOf(agent, metric);
            return found.size() >= count ? Optional.of(found) : Optional.empty();
        }).orElseThrow(() -> new AssertionError(count + " samples of " + metric + " were not stored within 30 s"));
    }

    private List<SamplePoint> samplesOf(AgentIdentity agent, String metric) {
        Instant now = Instant.now();
        return samples.samples(agent.organizationId(), agent.nodeId(), metric, now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofHours(1)), 1000);
    }

    private Map<String, Double> latest(AgentIdentity agent) {
        return samples.latest(agent.organizationId(), agent.nodeId()).stream()
                .collect(Collectors.toMap(LatestValue::metric, LatestValue::value));
    }
}

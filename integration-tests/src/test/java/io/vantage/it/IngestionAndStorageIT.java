package io.vantage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.ClockProducer;
import io.vantage.ServiceLog;
import io.vantage.agents.AgentDirectory;
import io.vantage.agents.AgentIdentity;
import io.vantage.checks.CheckResultStorageConsumer;
import io.vantage.connector.api.AgentBatch;
import io.vantage.connector.api.AgentCheckRun;
import io.vantage.connector.api.BatchNotStoredException;
import io.vantage.connector.api.BatchRejectedException;
import io.vantage.infrastructure.cassandra.CassandraSampleRepository;
import io.vantage.infrastructure.jms.JmsMetricEvents;
import io.vantage.infrastructure.logging.FailureStreak;
import io.vantage.metrics.BatchRules;
import io.vantage.metrics.IngestMeters;
import io.vantage.metrics.MetricBatchCodec;
import io.vantage.metrics.MetricEvents;
import io.vantage.metrics.MetricIngestion;
import io.vantage.metrics.SampleStorageConsumer;
import io.vantage.persistence.checks.CheckResult;
import io.vantage.persistence.checks.CheckResultRepository;
import io.vantage.persistence.checks.CheckState;
import io.vantage.persistence.metrics.LatestValue;
import io.vantage.persistence.metrics.SamplePoint;
import io.vantage.persistence.metrics.SampleRepository;
import jakarta.inject.Inject;
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
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ingestion service and the storage consumers inside WildFly, against the real Artemis topic and the real
 * Cassandra. The test deployment's storage consumers join the application's shared durable subscriptions, so each
 * batch (and each batch's check results) is stored by exactly one of them (scoped round-robin) and the test sees it
 * in Cassandra either way.
 */
@ExtendWith(ArquillianExtension.class)
class IngestionAndStorageIT {

    @Deployment
    static WebArchive servicesUnderTest() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "ingestion-and-storage-test.war")
                .addPackages(false, CassandraSampleRepository.class.getPackage(), JmsMetricEvents.class.getPackage())
                .addClasses(MetricIngestion.class, IngestMeters.class, BatchRules.class, MetricEvents.class, MetricBatchCodec.class,
                        SampleStorageConsumer.class, AgentDirectory.class, AgentIdentity.class, ServiceLog.class,
                        CheckResultStorageConsumer.class, FailureStreak.class,
                        ClockProducer.class, Waits.class)
                // package-private, so named: the check results' consumer logs through it
                .addClass("io.vantage.checks.CheckResultsLog")
                .addAsWebInfResource(EmptyAsset.INSTANCE, ArchivePaths.create("beans.xml"));
        return ApplicationLibraries.addTo(war, ApplicationLibraries::withoutPersistenceUnit);
    }

    @Inject
    MetricIngestion ingestion;

    @Inject
    AgentDirectory directory;

    @Inject
    SampleRepository samples;

    @Inject
    CheckResultRepository checkResults;

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
    void a_batchs_check_results_reach_cassandra_and_replays_or_late_older_results_never_duplicate_or_hide_the_newest()
            throws Exception {
        AgentIdentity agent = admitNewAgent();
        long newer = Instant.now().toEpochMilli();
        long older = newer - 10_000;
        AgentBatch critical = withCheck(agent, 1, new AgentCheckRun("disk", 2, "DISK CRITICAL - free space: / 12 MB (1%)",
                older, 40));
        AgentBatch ok = withCheck(agent, 2, new AgentCheckRun("disk", 0, "DISK OK - free space: / 3326 MB (56%)",
                newer, 30));
        ingestion.ingest(critical);
        ingestion.ingest(ok);
        awaitCheckResults(agent, "disk", 2);

        ingestion.ingest(ok);
        ingestion.ingest(critical);
        ingestion.ingest(withCheck(agent, 3, new AgentCheckRun("marker", 0, "done", newer, 1)));
        awaitCheckResults(agent, "marker", 1);

        List<CheckResult> history = checkResults.history(agent.organizationId(), agent.nodeId(), "disk", 100);
        assertEquals(List.of("DISK OK - free space: / 3326 MB (56%)", "DISK CRITICAL - free space: / 12 MB (1%)"),
                history.stream().map(CheckResult::text).toList(), "replays overwrite, never duplicate; newest first");
        CheckResult latest = checkResults.latest(agent.organizationId(), agent.nodeId(), "disk").orElseThrow();
        assertEquals(CheckState.OK, latest.state(), "the older result replayed last does not hide the newest");
        assertEquals(Instant.ofEpochMilli(newer), latest.finishedAt());
        assertEquals(30, latest.durationMillis());
        assertEquals(List.of("disk", "marker"), checkResults.latest(agent.organizationId(), agent.nodeId()).stream()
                .map(CheckResult::check).sorted().toList());
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

    private static AgentBatch withCheck(AgentIdentity agent, long sequence, AgentCheckRun run) {
        return new AgentBatch(agent.agentId(), agent.hostname(), sequence,
                new String[] {"check." + run.check() + ".status"}, new long[] {run.finishedAtMillis()},
                new double[] {run.status()}, List.of(run));
    }

    private List<CheckResult> awaitCheckResults(AgentIdentity agent, String check, int count) {
        return Waits.until(Duration.ofSeconds(30), () -> {
            List<CheckResult> found = checkResults.history(agent.organizationId(), agent.nodeId(), check, 100);
            return found.size() >= count ? Optional.of(found) : Optional.empty();
        }).orElseThrow(() -> new AssertionError(count + " results of check " + check + " were not stored within 30 s"));
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

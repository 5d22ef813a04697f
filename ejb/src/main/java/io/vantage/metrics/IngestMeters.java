package io.vantage.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Vantage's own ingest figures, published through WildFly's Micrometer registry (Prometheus text at
 * {@code :9990/prometheus}): how many batches and samples arrive, how many are refused, and how long storage takes.
 * The operator's first stop when asking "is ingestion keeping up?".
 */
@ApplicationScoped
public class IngestMeters {

    @Inject
    MeterRegistry registry;

    private Counter batchesAccepted;
    private Counter batchesRejected;
    private Counter batchesNotStored;
    private Counter samplesAccepted;
    private Counter batchesStored;
    private Counter storageFailures;
    private Timer storageWrites;

    @PostConstruct
    void register() {
        // the registry's own factory methods: WildFly's per-deployment registry exports what they create, while a
        // Meter builder registering on it directly is not exported (WildFly 39)
        batchesAccepted = registry.counter("vantage.ingest.batches", "outcome", "accepted");
        batchesRejected = registry.counter("vantage.ingest.batches", "outcome", "rejected");
        batchesNotStored = registry.counter("vantage.ingest.batches", "outcome", "not_stored");
        samplesAccepted = registry.counter("vantage.ingest.samples");
        batchesStored = registry.counter("vantage.storage.batches", "outcome", "stored");
        storageFailures = registry.counter("vantage.storage.batches", "outcome", "failed");
        storageWrites = registry.timer("vantage.storage.write");
    }

    void accepted(int samples) {
        batchesAccepted.increment();
        samplesAccepted.increment(samples);
    }

    void rejected() {
        batchesRejected.increment();
    }

    void notStored() {
        batchesNotStored.increment();
    }

    void stored(Duration took) {
        batchesStored.increment();
        storageWrites.record(took);
    }

    void storageFailed() {
        storageFailures.increment();
    }
}

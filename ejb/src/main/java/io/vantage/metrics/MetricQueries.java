package io.vantage.metrics;

import io.vantage.persistence.inventory.NodeRepository;
import io.vantage.persistence.metrics.LatestValue;
import io.vantage.persistence.metrics.SamplePoint;
import io.vantage.InvalidInputException;
import io.vantage.persistence.metrics.SampleRepository;
import io.vantage.protocol.MetricNames;
import io.vantage.security.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads stored samples for the caller. Each query first checks that the node is the caller's, so another
 * organization's series cannot be read by guessing ids.
 */
@Stateless
public class MetricQueries {

    /** The most samples one query returns; a day of one series at 10 s is 8,640. */
    public static final int MAX_SAMPLES = 20_000;
    /** The longest range one query covers. */
    public static final Duration MAX_RANGE = Duration.ofDays(32);

    @Inject
    NodeRepository nodes;

    @Inject
    SampleRepository samples;

    /** The metrics the node has reported, with their newest values; empty when the node is not the caller's. */
    public Optional<List<LatestValue>> metrics(Caller caller, long nodeId) {
        return nodes.find(caller.organizationId(), nodeId)
                .map(node -> samples.latest(caller.organizationId(), nodeId));
    }

    /**
     * A series' samples in {@code [from, to)}; empty when the node is not the caller's.
     *
     * @throws InvalidInputException when the range or metric name is not acceptable
     */
    public Optional<List<SamplePoint>> samples(Caller caller, long nodeId, String metric, Instant from, Instant to,
                                               int limit) {
        if (!MetricNames.isValid(metric)) {
            throw new InvalidInputException("'" + metric + "' is not a metric name");
        }
        if (!from.isBefore(to)) {
            throw new InvalidInputException("from must be before to");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new InvalidInputException("a query covers at most " + MAX_RANGE.toDays() + " days");
        }
        if (limit < 1 || limit > MAX_SAMPLES) {
            throw new InvalidInputException("limit must be 1.." + MAX_SAMPLES);
        }
        return nodes.find(caller.organizationId(), nodeId)
                .map(node -> samples.samples(caller.organizationId(), nodeId, metric, from, to, limit));
    }
}

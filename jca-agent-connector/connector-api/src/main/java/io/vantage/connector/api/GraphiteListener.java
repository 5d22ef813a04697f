package io.vantage.connector.api;

/**
 * What the connector's Graphite listener asks of the application: it hands over the lines that collectd's
 * {@code write_graphite}, Telegraf or a statsd relay sent in Graphite's plaintext protocol
 * ({@code path value timestamp}), parsed and grouped. Graphite senders do not authenticate and expect no answer; the
 * application decides which organization and node each path belongs to.
 */
public interface GraphiteListener {

    /**
     * Takes one batch of parsed lines. Returning normally means the samples are held durably.
     *
     * @throws BatchNotStoredException when they could not be stored now; the connector stops reading that connection
     *                                 for a while and offers the batch again
     * @throws BatchRejectedException  when none of the lines can ever be stored (the connector drops the batch)
     */
    void deliver(GraphiteBatch batch) throws BatchNotStoredException, BatchRejectedException;
}

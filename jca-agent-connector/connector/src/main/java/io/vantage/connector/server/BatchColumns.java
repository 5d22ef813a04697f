package io.vantage.connector.server;

import java.util.ArrayList;
import java.util.List;

import io.vantage.connector.api.AgentBatch;
import io.vantage.connector.api.AgentCheckRun;
import io.vantage.protocol.CheckRun;
import io.vantage.protocol.Sample;
import io.vantage.protocol.SampleBatch;

/** Turns a decoded batch of sample records, and its check runs, into the form the application receives. */
final class BatchColumns {

    private BatchColumns() {
    }

    static AgentBatch toAgentBatch(String agentId, String hostname, SampleBatch batch) {
        List<Sample> samples = batch.samples();
        int size = samples.size();
        String[] metrics = new String[size];
        long[] timestamps = new long[size];
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            Sample sample = samples.get(i);
            metrics[i] = sample.metric();
            timestamps[i] = sample.timestampMillis();
            values[i] = sample.value();
        }
        List<AgentCheckRun> checks = new ArrayList<>(batch.checks().size());
        for (CheckRun run : batch.checks()) {
            checks.add(new AgentCheckRun(run.check(), run.status(), run.text(), run.finishedAtMillis(),
                    run.durationMillis()));
        }
        return new AgentBatch(agentId, hostname, batch.sequence(), metrics, timestamps, values, checks);
    }
}

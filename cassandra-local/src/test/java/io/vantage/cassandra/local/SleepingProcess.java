package io.vantage.cassandra.local;

/**
 * Stands in for a Cassandra JVM left behind by an earlier run: the tests start it with the arguments that
 * identify a CassandraDaemon of a data directory, and it sleeps until it is killed.
 */
public final class SleepingProcess {

    private SleepingProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        // a bound: a test that fails before stopping it must not leave it behind for long
        Thread.sleep(60_000);
    }
}

package io.vantage.infrastructure.cassandra;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for writes sent together: all confirmed, or a {@link StorageUnavailableException} saying why not. */
final class Writes {

    static final long TIMEOUT_SECONDS = 30;

    private Writes() {
    }

    static void awaitAll(List<CompletionStage<AsyncResultSet>> writes) {
        CompletableFuture<?>[] futures = writes.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(futures).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("interrupted while writing samples");
        } catch (TimeoutException e) {
            throw new StorageUnavailableException("Cassandra did not confirm the writes within " + TIMEOUT_SECONDS
                    + " s");
        } catch (ExecutionException | CompletionException e) {
            throw new StorageUnavailableException("Cassandra refused the writes: " + e.getCause());
        }
    }
}

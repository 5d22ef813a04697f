package io.vantage.agent.collect;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the sizes of network filesystems on a helper thread with a time limit. statfs on an NFS or SMB mount whose
 * server is gone blocks until the server returns, and must not block the agent's single collecting and sending
 * thread. A mount that did not answer in time is skipped, without asking again, until that call returns.
 */
final class TimedSpaceReader implements Space.Reader {

    private final Space.Reader delegate;
    private final long timeoutMillis;
    private final Map<Mount, Future<Space>> unanswered = new HashMap<>();
    private ExecutorService helpers;

    TimedSpaceReader(Space.Reader delegate, long timeoutMillis) {
        this.delegate = delegate;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public Space read(Mount mount) throws IOException {
        Future<Space> stuck = unanswered.get(mount);
        if (stuck != null) {
            if (!stuck.isDone()) {
                throw new IOException("statfs has not answered yet");
            }
            unanswered.remove(mount);
        }
        Future<Space> answer = helpers().submit(() -> delegate.read(mount));
        try {
            return answer.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            unanswered.put(mount, answer);
            throw new IOException("statfs did not answer within " + timeoutMillis + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException ? (IOException) cause : new IOException(String.valueOf(cause), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for statfs");
        }
    }

    @Override
    public void retainOnly(Collection<Mount> mounted) {
        unanswered.keySet().retainAll(mounted);
        delegate.retainOnly(mounted);
    }

    /**
     * Created on first use, so machines without network filesystems run no extra thread. Idle helpers end after a
     * minute; one stuck in statfs stays until the call returns, which a new thread per call makes harmless.
     */
    private ExecutorService helpers() {
        if (helpers == null) {
            helpers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                    task -> {
                        Thread thread = new Thread(task, "vantage-statfs");
                        thread.setDaemon(true);
                        return thread;
                    });
        }
        return helpers;
    }
}

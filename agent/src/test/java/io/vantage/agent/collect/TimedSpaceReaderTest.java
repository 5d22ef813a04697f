package io.vantage.agent.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TimedSpaceReaderTest {

    private static final Mount NFS = new Mount("fileserver:/export", "/mnt/export", "nfs4");
    private static final Space SPACE = new Space(1000, 300, 200);

    @Test
    void an_answer_within_the_time_limit_is_passed_on() throws IOException {
        assertEquals(SPACE, new TimedSpaceReader(mount -> SPACE, 5_000).read(NFS));
    }

    @Test
    void a_mount_that_does_not_answer_is_given_up_on_and_not_asked_again_until_it_answers() throws Exception {
        CountDownLatch serverBack = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        TimedSpaceReader reader = new TimedSpaceReader(mount -> {
            if (calls.incrementAndGet() == 1) {
                awaitQuietly(serverBack); // a hard NFS mount whose server is gone
            }
            return SPACE;
        }, 50);

        IOException timedOut = assertThrows(IOException.class, () -> reader.read(NFS));
        assertTrue(timedOut.getMessage().contains("did not answer"), timedOut.getMessage());
        IOException skipped = assertThrows(IOException.class, () -> reader.read(NFS));
        assertTrue(skipped.getMessage().contains("not answered yet"), skipped.getMessage());
        assertEquals(1, calls.get(), "a stuck mount is not asked again");

        serverBack.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Space space = null;
        while (space == null && System.nanoTime() < deadline) {
            try {
                space = reader.read(NFS);
            } catch (IOException stillStuck) {
                Thread.sleep(10); // the stuck call is finishing on its helper thread
            }
        }
        assertEquals(SPACE, space);
    }

    @Test
    void a_failure_of_the_underlying_reader_is_passed_on_as_it_was() {
        IOException error = assertThrows(IOException.class,
                () -> new TimedSpaceReader(mount -> {
                    throw new IOException("Stale file handle");
                }, 5_000).read(NFS));

        assertEquals("Stale file handle", error.getMessage());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

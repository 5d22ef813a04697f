package io.vantage.agent.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.protocol.ProcessTable;
import io.vantage.protocol.Request;
import io.vantage.protocol.RequestKinds;
import io.vantage.protocol.Response;
import io.vantage.protocol.ResponseStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestDeskTest {

    @TempDir
    Path dir;

    @Test
    void a_processes_request_is_answered_with_the_table_its_arguments_ask_for() throws Exception {
        FakeProc proc = new FakeProc(dir).process(10, "a", 1, 1, 100, 0, "a").process(11, "b", 1, 1, 200, 0, "b");
        Response response = new RequestDesk(proc.lister(() -> { })).answer(RequestKinds.processes(3, 1, true));

        assertEquals(ResponseStatus.OK, response.status());
        assertEquals(3, response.requestId());
        assertEquals(11L, ((ProcessTable) response.body()).entries().get(0).pid());
    }

    @Test
    void an_unknown_kind_is_unsupported_and_bad_arguments_are_errors_naming_the_argument() throws Exception {
        RequestDesk desk = new RequestDesk(new FakeProc(dir).lister(() -> { }));

        assertEquals(ResponseStatus.UNSUPPORTED, desk.answer(new Request(1, "sockets", Map.of())).status());
        Response zero = desk.answer(new Request(2, "processes", Map.of("limit", "0")));
        assertEquals(ResponseStatus.ERROR, zero.status());
        assertTrue(zero.message().contains("limit"), zero.message());
        Response words = desk.answer(new Request(3, "processes", Map.of("limit", "many")));
        assertTrue(words.message().contains("limit"), words.message());
        Response sort = desk.answer(new Request(4, "processes", Map.of("sort", "name")));
        assertEquals(ResponseStatus.ERROR, sort.status());
        assertTrue(sort.message().contains("sort"), sort.message());
        assertNull(sort.body());
    }

    @Test
    void a_system_without_proc_answers_unsupported() {
        ProcessLister nowhere = new ProcessLister(new ProcTree(dir.resolve("none")), new UserNames(dir.resolve("x")),
                System::nanoTime, System::currentTimeMillis, nanos -> { });

        Response response = new RequestDesk(nowhere).answer(RequestKinds.processes(1, 5, false));

        assertEquals(ResponseStatus.UNSUPPORTED, response.status());
    }

    @Test
    void requests_beyond_the_queue_are_answered_busy_at_once_and_the_rest_in_turn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FakeProc proc = new FakeProc(dir).process(10, "a", 1, 1, 100, 0, "a");
        List<Response> replies = new CopyOnWriteArrayList<>();
        try (RequestDesk desk = new RequestDesk(proc.lister(() -> await(release)))) {
            int asked = RequestDesk.MAX_QUEUED + 3;
            for (int id = 1; id <= asked; id++) {
                desk.handle(RequestKinds.processes(id, 5, false), replies::add);
            }
            // one is being worked on, four wait: the other two are refused without waiting for the first
            assertEquals(asked - 1 - RequestDesk.MAX_QUEUED, replies.size());
            replies.forEach(r -> assertEquals(ResponseStatus.ERROR, r.status()));
            release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (replies.size() < asked && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(asked, replies.size());
            assertEquals(1 + RequestDesk.MAX_QUEUED, replies.stream().filter(r -> r.status() == ResponseStatus.OK).count());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.vantage.agent.diag;

import io.vantage.agent.transport.RequestHandler;
import io.vantage.protocol.ProcessTable;
import io.vantage.protocol.Request;
import io.vantage.protocol.RequestKinds;
import io.vantage.protocol.Response;
import io.vantage.protocol.ResponseStatus;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Answers the server's requests on one worker thread of its own, so that reading /proc (and waiting half a second for
 * CPU percentages) never holds up the connection's reader. It queues a few requests and answers more at once with
 * ERROR; the worker exists only while there is work, so an agent nobody asks costs no thread.
 */
public final class RequestDesk implements RequestHandler, AutoCloseable {

    /** Requests waiting behind the one being answered; the server keeps more than this from piling up anyway. */
    static final int MAX_QUEUED = 4;
    private static final int MAX_MESSAGE_CHARS = 500;

    private final ProcessLister lister;
    private final ThreadPoolExecutor worker;
    private boolean failing;

    RequestDesk(ProcessLister lister) {
        this.lister = lister;
        this.worker = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(MAX_QUEUED),
                runnable -> {
                    Thread thread = new Thread(runnable, "vantage-agent-diagnostics");
                    thread.setDaemon(true);
                    return thread;
                });
        worker.allowCoreThreadTimeOut(true);
    }

    /** Answers from this machine's /proc. */
    public static RequestDesk standard() {
        return new RequestDesk(ProcessLister.standard());
    }

    @Override
    public void handle(Request request, Consumer<Response> reply) {
        try {
            worker.execute(() -> reply.accept(answer(request)));
        } catch (RejectedExecutionException e) {
            DiagLog.requestRefusedBusy(request.requestId(), request.kind());
            reply.accept(Response.failed(request, ResponseStatus.ERROR, "the agent is busy with earlier requests"));
        }
    }

    /** The answer to one request; runs on the worker. */
    Response answer(Request request) {
        if (!RequestKinds.PROCESSES.equals(request.kind())) {
            return Response.failed(request, ResponseStatus.UNSUPPORTED, "unknown request kind '" + request.kind() + "'");
        }
        if (!lister.available()) {
            return Response.failed(request, ResponseStatus.UNSUPPORTED, "this system has no /proc to list processes");
        }
        ProcessArguments arguments;
        try {
            arguments = ProcessArguments.of(request);
        } catch (IllegalArgumentException e) {
            return Response.failed(request, ResponseStatus.ERROR, cut(e.getMessage()));
        }
        try {
            ProcessTable table = lister.list(arguments.limit(), arguments.byMemory());
            if (failing) {
                failing = false;
                DiagLog.requestWorksAgain(request.kind());
            }
            return Response.ok(request, table);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.failed(request, ResponseStatus.ERROR, "the agent is stopping");
        } catch (Exception e) {
            if (!failing) {
                failing = true;
                DiagLog.requestFailing(request.kind(), String.valueOf(e));
            }
            return Response.failed(request, ResponseStatus.ERROR, cut("cannot list processes: " + e.getMessage()));
        }
    }

    /** Ends the worker; requests still queued are dropped, as their connection is going too. */
    @Override
    public void close() {
        worker.shutdownNow();
    }

    private static String cut(String message) {
        String text = String.valueOf(message);
        return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS);
    }
}

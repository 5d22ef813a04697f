package io.vantage.agent.transport;

import io.vantage.agent.config.ServerAddress;
import io.vantage.agent.log.AgentLog;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Which server to try next and how long to wait first. A failed attempt moves on to the next server at once; only
 * after every server has failed does the agent back off. A lost connection is retried on the same server first.
 * Failures are logged once per outage and server, not at every attempt.
 */
public final class ReconnectPlan {

    /** Enough for every server times a few distinct reasons; past it the set starts over rather than grow. */
    private static final int MAX_REMEMBERED_FAILURES = 64;

    private final List<ServerAddress> servers;
    private final Backoff backoff;
    private final long refusedDelayMillis;
    private final Set<String> loggedFailures = new HashSet<>();
    private int index;

    public ReconnectPlan(List<ServerAddress> servers, Backoff backoff, long refusedDelayMillis) {
        this.servers = List.copyOf(servers);
        this.backoff = backoff;
        this.refusedDelayMillis = refusedDelayMillis;
    }

    /** The server to try next. */
    public ServerAddress server() {
        return servers.get(index);
    }

    /** The attempt on {@link #server()} failed; returns how many milliseconds to wait before the next one. */
    public long connectFailed(String reason) {
        return failed(reason, false);
    }

    /**
     * The server's certificate did not verify: logged as a security problem, then retried like any failed attempt,
     * because the cause may be on the server (a certificate being replaced) as well as here.
     */
    public long untrusted(ServerUntrustedException failure) {
        return failed(failure.getMessage(), true);
    }

    private long failed(String reason, boolean untrusted) {
        ServerAddress failed = server();
        index = (index + 1) % servers.size();
        long delay = index == 0 ? backoff.nextDelayMillis() : 0;
        if (loggedFailures.size() >= MAX_REMEMBERED_FAILURES) {
            loggedFailures.clear();
        }
        boolean first = loggedFailures.add(failed + " " + reason);
        if (untrusted) {
            AgentLog.serverUntrusted(failed.toString(), reason, delay, first);
        } else if (first) {
            AgentLog.cannotConnect(failed.toString(), reason, delay);
        } else {
            AgentLog.stillCannotConnect(failed.toString(), reason, delay);
        }
        return delay;
    }

    /** The server refused the agent; returns how many milliseconds to wait before the next attempt. */
    public long refused(ServerRefusedException refusal) {
        if (!refusal.needsOperator()) {
            return connectFailed(refusal.getMessage());
        }
        // logged every time on purpose: each attempt is minutes apart and the operator must act
        AgentLog.refused(server().toString(), refusal.error().code().name(), refusal.error().message(),
                refusedDelayMillis);
        index = (index + 1) % servers.size();
        return refusedDelayMillis;
    }

    /** A handshake succeeded: the outage, if any, is over. */
    public void connected() {
        loggedFailures.clear();
    }

    /** An established connection closed; returns how many milliseconds to wait before reconnecting. */
    public long connectionLost(Link link) {
        // a connection that held for a while shows the server healthy, so start the backoff afresh
        long lastedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - link.openedNanos());
        if (lastedMillis >= backoff.maxMillis()) {
            backoff.reset();
        }
        return backoff.nextDelayMillis();
    }
}

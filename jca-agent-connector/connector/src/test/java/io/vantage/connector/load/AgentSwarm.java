package io.vantage.connector.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Thousands of agents in a process of their own, for load tests that need more sockets than the server's JVM can
 * hold next to its own (one file descriptor each, on both ends). Every agent's connection is a non-blocking socket
 * served by the one selector thread of this class, so 10,000 agents cost 10,000 descriptors and no threads.
 *
 * <p>Run as {@code AgentSwarm host port agents batches maxPendingConnects}: connects the agents, keeping at most
 * {@code maxPendingConnects} connects unanswered at once as a fleet's reconnect jitter would; each agent says hello
 * and sends batches 1 to {@code batches} (see {@link SwarmAgent}), then the swarm reports {@code READY}. From then on
 * it takes commands on standard input, one per line:
 * <ul>
 *   <li>{@code ROUND}: every agent sends one more batch over its open connection and expects its ACK; reported by
 *       {@code ROUND_DONE}.</li>
 *   <li>{@code STALL silent slow}: opens {@code silent} connections that never send a byte and {@code slow} ones
 *       that trickle a HELLO too slowly to finish it (see {@link StalledPeer}); reported by {@code STALLS_OPEN} once
 *       all are connected and {@code STALLS_CLOSED} once the server has closed them all.</li>
 *   <li>{@code QUIT}, or the end of the input: closes every socket and exits with status 0.</li>
 * </ul>
 * Each report is one line on standard output: a keyword, then {@code key=value} pairs. An agent that gets anything
 * the protocol does not promise, or a phase that does not finish within {@link #PHASE_LIMIT_NANOS}, ends the swarm
 * with a {@code FAILED} report, the first failures word for word, and exit status 1.
 */
public final class AgentSwarm {

    /** The key every swarm agent presents; the test's application admits exactly this one. */
    public static final String KEY = "swarm-key";
    /** Agents are named this followed by their number, 0 to agents - 1. */
    public static final String AGENT_ID_PREFIX = "agent-";

    private static final long PHASE_LIMIT_NANOS = 120_000_000_000L;
    /** How often heartbeats are due and slowloris connections send their next byte. */
    private static final long TICK_NANOS = 250_000_000L;
    /** How often a phase in progress reports how far it has got. */
    private static final long PROGRESS_NANOS = 500_000_000L;
    /** After the first failure, time for related ones to show before the report. */
    private static final long FAILURE_GRACE_NANOS = 1_000_000_000L;

    private enum Phase { STARTING, IDLE, ROUND }

    private final Selector selector;
    private final InetSocketAddress server;
    private final SwarmAgent[] agents;
    private final int initialBatches;
    private final int maxPendingConnects;
    private final SwarmTally tally;
    private final List<StalledPeer> stalled = new ArrayList<>();
    private final Queue<String> commands = new ConcurrentLinkedQueue<>();
    /** Shared by every socket: reading happens on this one thread. */
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final PrintStream out = System.out;
    private final long startedAt = System.nanoTime();
    private Phase phase = Phase.STARTING;
    private long phaseStartedAt = startedAt;
    private int nextToConnect;
    private long allConnectedAt;
    private long allWelcomedAt;
    private boolean stallsOpenReported;
    private boolean stallsClosedReported;
    private long stallsStartedAt;
    private int stalledOpenAtRoundStart;
    private long firstFailureAt;
    private long nextTick = startedAt;
    private long nextProgress = startedAt + PROGRESS_NANOS;
    private boolean quit;

    private AgentSwarm(InetSocketAddress server, int agentCount, int initialBatches, int maxPendingConnects)
            throws IOException {
        this.selector = Selector.open();
        this.server = server;
        this.initialBatches = initialBatches;
        this.maxPendingConnects = maxPendingConnects;
        this.tally = new SwarmTally(agentCount);
        this.agents = new SwarmAgent[agentCount];
        for (int i = 0; i < agentCount; i++) {
            agents[i] = new SwarmAgent(i, AGENT_ID_PREFIX, tally);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: AgentSwarm host port agents batches maxPendingConnects");
            System.exit(2);
        }
        AgentSwarm swarm = new AgentSwarm(new InetSocketAddress(args[0], Integer.parseInt(args[1])),
                Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        swarm.readCommands();
        System.exit(swarm.run());
    }

    /** Standard input is read on a thread of its own, because it cannot be selected on. */
    private void readCommands() {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    commands.add(line.strip());
                    selector.wakeup();
                }
            } catch (IOException e) {
                // treated as the end of the input
            }
            // the test is gone or done: do not outlive it holding thousands of sockets
            commands.add("QUIT");
            selector.wakeup();
        }, "swarm-commands");
        reader.setDaemon(true);
        reader.start();
    }

    private int run() throws IOException {
        report("STARTED", "agents=" + agents.length + " batches=" + initialBatches + " maxPendingConnects="
                + maxPendingConnects);
        int status = 0;
        while (!quit && status == 0) {
            connectSome();
            selector.select(50);
            long now = System.nanoTime();
            for (SelectionKey key : selector.selectedKeys()) {
                Object peer = key.attachment();
                if (peer instanceof SwarmAgent agent) {
                    agent.onReady(readBuffer, now);
                } else {
                    ((StalledPeer) peer).onReady(readBuffer, now);
                }
            }
            selector.selectedKeys().clear();
            if (now - nextTick >= 0) {
                nextTick = now + TICK_NANOS;
                tick(now);
            }
            for (String command = commands.poll(); command != null; command = commands.poll()) {
                obey(command, now);
            }
            status = judge(now);
        }
        for (SwarmAgent agent : agents) {
            agent.close();
        }
        stalled.forEach(StalledPeer::close);
        selector.close();
        report(status == 0 ? "BYE" : "FAILED_EXIT", "");
        return status;
    }

    private void connectSome() {
        while (nextToConnect < agents.length && tally.inState(SwarmAgent.State.CONNECTING) < maxPendingConnects) {
            SwarmAgent agent = agents[nextToConnect++];
            try {
                agent.connect(selector, server, initialBatches);
            } catch (IOException e) {
                tally.failed(agent.agentId() + ": could not start connecting: " + e);
            }
        }
    }

    private void tick(long now) {
        if (phase == Phase.IDLE) {
            for (SwarmAgent agent : agents) {
                agent.heartbeat(now);
            }
        }
        for (StalledPeer peer : stalled) {
            peer.trickle(now);
        }
        if (!stalled.isEmpty()) {
            judgeStalls(now);
        }
        if (phase != Phase.IDLE && now - nextProgress >= 0) {
            nextProgress = now + PROGRESS_NANOS;
            report("PROGRESS", "phase=" + phase + " millis=" + millis(now - phaseStartedAt) + " " + tally.states()
                    + " connected=" + tally.connected() + " welcomed=" + tally.welcomed());
        }
    }

    private void obey(String command, long now) throws IOException {
        String[] words = command.split("\\s+");
        switch (words[0]) {
            case "ROUND":
                if (phase != Phase.IDLE) {
                    tally.failed("swarm: ROUND asked for while " + phase);
                    return;
                }
                phase = Phase.ROUND;
                phaseStartedAt = now;
                nextProgress = now + PROGRESS_NANOS;
                stalledOpenAtRoundStart = stalledOpen();
                for (SwarmAgent agent : agents) {
                    agent.sendOneMore(now);
                }
                break;
            case "STALL":
                stallsStartedAt = now;
                stallsOpenReported = false;
                stallsClosedReported = false;
                int silent = Integer.parseInt(words[1]);
                int slow = Integer.parseInt(words[2]);
                for (int i = 0; i < silent + slow; i++) {
                    StalledPeer peer = new StalledPeer(stalled.size(), i >= silent);
                    stalled.add(peer);
                    peer.connect(selector, server);
                }
                break;
            case "QUIT":
                quit = true;
                break;
            default:
                tally.failed("swarm: unknown command '" + command + "'");
        }
    }

    /** @return the exit status once the swarm has failed, 0 while it is fine */
    private int judge(long now) {
        if (tally.failures() > 0) {
            if (firstFailureAt == 0) {
                firstFailureAt = now;
            } else if (now - firstFailureAt >= FAILURE_GRACE_NANOS) {
                return failed("agents failed");
            }
            return 0;
        }
        if (allConnectedAt == 0 && tally.connected() == agents.length) {
            allConnectedAt = now;
        }
        if (allWelcomedAt == 0 && tally.welcomed() == agents.length) {
            allWelcomedAt = now;
        }
        boolean caughtUp = tally.inState(SwarmAgent.State.CAUGHT_UP) == agents.length;
        if (phase == Phase.STARTING && caughtUp) {
            phase = Phase.IDLE;
            report("READY", "agents=" + agents.length + " connectMillis=" + millis(allConnectedAt - startedAt)
                    + " welcomeMillis=" + millis(allWelcomedAt - startedAt) + " readyMillis=" + millis(now - startedAt)
                    + " welcomeWaitP50Millis=" + tally.welcomeMillisAt(0.5) + " welcomeWaitP99Millis="
                    + tally.welcomeMillisAt(0.99) + " welcomeWaitMaxMillis=" + tally.welcomeMillisAt(1));
        } else if (phase == Phase.ROUND && caughtUp) {
            phase = Phase.IDLE;
            report("ROUND_DONE", "agents=" + agents.length + " millis=" + millis(now - phaseStartedAt)
                    + " stalledOpenAtStart=" + stalledOpenAtRoundStart + " stalledOpenAtEnd=" + stalledOpen());
        } else if (phase != Phase.IDLE && now - phaseStartedAt > PHASE_LIMIT_NANOS) {
            return failed(phase + " did not finish within " + millis(PHASE_LIMIT_NANOS) + " ms");
        }
        return 0;
    }

    private void judgeStalls(long now) {
        int open = 0;
        int closed = 0;
        for (StalledPeer peer : stalled) {
            open += peer.isConnected() ? 1 : 0;
            closed += peer.isClosed() ? 1 : 0;
        }
        if (!stallsOpenReported && open == stalled.size()) {
            stallsOpenReported = true;
            report("STALLS_OPEN", "stalled=" + stalled.size() + " millis=" + millis(now - stallsStartedAt));
        }
        if (!stallsClosedReported && closed == stalled.size()) {
            stallsClosedReported = true;
            reportStallsClosed();
        } else if (!stallsClosedReported && now - stallsStartedAt > PHASE_LIMIT_NANOS) {
            tally.failed("swarm: " + (stalled.size() - closed) + " stalled connections still open after "
                    + millis(PHASE_LIMIT_NANOS) + " ms");
        }
    }

    /** Stalled connections connected and not closed by the server yet. */
    private int stalledOpen() {
        int open = 0;
        for (StalledPeer peer : stalled) {
            open += peer.isConnected() && !peer.isClosed() ? 1 : 0;
        }
        return open;
    }

    private void reportStallsClosed() {
        int idleTimeouts = 0;
        long min = Long.MAX_VALUE;
        long max = 0;
        List<String> odd = new ArrayList<>();
        for (StalledPeer peer : stalled) {
            boolean idleTimeout = peer.error() != null && peer.error().startsWith("IDLE_TIMEOUT");
            idleTimeouts += idleTimeout ? 1 : 0;
            if ((!idleTimeout || peer.unexpected() != null) && odd.size() < 5) {
                odd.add("[error=" + peer.error() + ", unexpected=" + peer.unexpected() + "]");
            }
            min = Math.min(min, peer.closedAfterNanos());
            max = Math.max(max, peer.closedAfterNanos());
        }
        report("STALLS_CLOSED", "stalled=" + stalled.size() + " idleTimeoutErrors=" + idleTimeouts + " minMillis="
                + millis(min) + " maxMillis=" + millis(max) + " odd=" + String.join(",", odd));
    }

    private int failed(String why) {
        report("FAILED", "why=\"" + why + "\" phase=" + phase + " " + tally.states() + " connected="
                + tally.connected() + " welcomed=" + tally.welcomed() + " failures=" + tally.failures());
        for (String failure : tally.firstFailures()) {
            report("FAILURE", failure);
        }
        return 1;
    }

    private void report(String keyword, String details) {
        out.println(keyword + " " + details);
        out.flush();
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}

package io.vantage.connector.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What an {@link AgentSwarm}'s agents have got to: how many are in each state, and the first failures word for
 * word. Kept as counts updated on every change, so the swarm knows a phase is over without visiting 10,000 agents
 * on every wake-up. Selector thread only.
 */
final class SwarmTally {

    /** Enough to see what went wrong; a thousand copies of the same failure would only bury it. */
    private static final int FAILURES_KEPT = 20;

    private final int[] inState = new int[SwarmAgent.State.values().length];
    private final List<String> firstFailures = new ArrayList<>();
    private int failures;
    private final long[] welcomeNanos;
    private int connected;
    private int welcomed;

    SwarmTally(int agents) {
        welcomeNanos = new long[agents];
    }

    void moved(SwarmAgent.State from, SwarmAgent.State to) {
        if (from != null) {
            inState[from.ordinal()]--;
        }
        inState[to.ordinal()]++;
    }

    void countConnected() {
        connected++;
    }

    /** @param sinceConnecting from starting to connect to the WELCOME, which is what an agent waits for */
    void countWelcomed(long sinceConnecting) {
        welcomeNanos[welcomed++] = sinceConnecting;
    }

    /** How long agents waited from starting to connect to their WELCOME, at this fraction (0.5, 0.99, 1) of them. */
    long welcomeMillisAt(double fraction) {
        long[] sorted = Arrays.copyOf(welcomeNanos, welcomed);
        Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[(int) Math.ceil(fraction * sorted.length) - 1] / 1_000_000;
    }

    void failed(String what) {
        failures++;
        if (firstFailures.size() < FAILURES_KEPT) {
            firstFailures.add(what);
        }
    }

    int inState(SwarmAgent.State state) {
        return inState[state.ordinal()];
    }

    int connected() {
        return connected;
    }

    int welcomed() {
        return welcomed;
    }

    int failures() {
        return failures;
    }

    List<String> firstFailures() {
        return firstFailures;
    }

    /** For a report: how many agents are in each state. */
    String states() {
        StringBuilder text = new StringBuilder();
        for (SwarmAgent.State state : SwarmAgent.State.values()) {
            text.append(text.length() == 0 ? "" : " ").append(state).append('=').append(inState[state.ordinal()]);
        }
        return text.toString();
    }
}

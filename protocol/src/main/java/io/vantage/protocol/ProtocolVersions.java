package io.vantage.protocol;

/** The protocol versions this build speaks, and how two sides agree on one. */
public final class ProtocolVersions {

    /** Hello, batches, acknowledgements, errors and heartbeats. */
    public static final int V1 = 1;
    /**
     * Version 1 plus the server's requests to the agent ({@link Request}, {@link Response}) and batches that carry
     * check runs ({@link FrameType#BATCH_WITH_CHECKS}).
     */
    public static final int V2 = 2;
    public static final int MIN_SUPPORTED = V1;
    public static final int MAX_SUPPORTED = V2;

    private ProtocolVersions() {
    }

    /**
     * The newest version both sides speak.
     *
     * @throws ProtocolException with {@link ErrorCode#UNSUPPORTED_VERSION} when the ranges do not overlap
     */
    public static int negotiate(int peerMin, int peerMax) throws ProtocolException {
        int chosen = Math.min(peerMax, MAX_SUPPORTED);
        if (peerMin > peerMax || chosen < Math.max(peerMin, MIN_SUPPORTED)) {
            throw new ProtocolException(ErrorCode.UNSUPPORTED_VERSION, "agent speaks versions " + peerMin + ".."
                    + peerMax + ", server speaks " + MIN_SUPPORTED + ".." + MAX_SUPPORTED);
        }
        return chosen;
    }

    /** Whether a connection that agreed on {@code version} may carry {@link Request} and {@link Response}. */
    public static boolean carriesRequests(int version) {
        return version >= V2;
    }

    /**
     * Whether a connection that agreed on {@code version} may carry {@link FrameType#BATCH_WITH_CHECKS}; on an older
     * one the agent sends the batch {@link SampleBatch#withoutChecks() without} its check runs.
     */
    public static boolean carriesCheckRuns(int version) {
        return version >= V2;
    }
}

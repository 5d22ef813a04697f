package io.vantage.agent.transport;

import io.vantage.protocol.ErrorCode;
import io.vantage.protocol.ErrorFrame;

/** The server answered the agent's Hello with an error instead of a Welcome. */
public final class ServerRefusedException extends Exception {

    private final ErrorFrame error;

    public ServerRefusedException(ErrorFrame error) {
        super(error.code() + ": " + error.message());
        this.error = error;
    }

    public ErrorFrame error() {
        return error;
    }

    /** Whether only an operator can fix it (wrong key, too old an agent), so retrying soon is pointless. */
    public boolean needsOperator() {
        return error.code() == ErrorCode.AUTHENTICATION_FAILED || error.code() == ErrorCode.UNSUPPORTED_VERSION;
    }
}

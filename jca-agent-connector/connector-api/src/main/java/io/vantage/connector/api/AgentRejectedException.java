package io.vantage.connector.api;

/** The agent may not report: unknown id, wrong key or disabled. The message is safe to send to the agent. */
public class AgentRejectedException extends Exception {

    public AgentRejectedException(String message) {
        super(message);
    }
}

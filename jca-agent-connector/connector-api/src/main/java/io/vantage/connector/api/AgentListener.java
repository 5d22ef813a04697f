package io.vantage.connector.api;

/**
 * What the agent connector asks of the application. A message-driven bean implements it; the connector calls
 * it for each agent that says hello and for each batch an admitted agent sends. The connector knows nothing of
 * organizations or nodes: it hands over what the agent said and acts on the answer.
 */
public interface AgentListener {

    /**
     * Decides whether an agent may report.
     *
     * @return the admission, with the highest batch sequence already stored for the agent
     * @throws AgentRejectedException when the id and key do not match an enabled agent
     */
    AgentAdmission admit(AgentCredentials credentials) throws AgentRejectedException;

    /**
     * Takes one batch from an admitted agent. Returning normally promises the batch is stored durably (or was
     * stored before: a replay), and the connector then acknowledges it to the agent.
     *
     * @throws BatchNotStoredException when the batch could not be stored now; the agent keeps it and retries
     * @throws BatchRejectedException  when the batch's content can never be stored (bad names, timestamps)
     */
    void deliver(AgentBatch batch) throws BatchNotStoredException, BatchRejectedException;
}

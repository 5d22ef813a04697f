package io.vantage.connector.server;

import io.vantage.connector.api.AgentAdmission;
import io.vantage.connector.api.AgentCredentials;
import io.vantage.connector.api.AgentListener;
import io.vantage.connector.api.AgentRejectedException;

/**
 * What came of asking the application about a HELLO: exactly one of an admission, a rejection the agent may read,
 * or a failure to get an answer at all.
 */
record AdmissionOutcome(AgentAdmission admission, String rejection, Throwable failure) {

    /** Asks the listener; runs on a delivery thread, never on the selector. */
    static AdmissionOutcome ask(AgentListener listener, AgentCredentials credentials) {
        try {
            AgentAdmission admission = listener.admit(credentials);
            if (admission == null) {
                return failed(new IllegalStateException("the listener returned no admission"));
            }
            return new AdmissionOutcome(admission, null, null);
        } catch (AgentRejectedException e) {
            return new AdmissionOutcome(null, e.getMessage() == null ? "agent rejected" : e.getMessage(), null);
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    static AdmissionOutcome failed(Throwable cause) {
        return new AdmissionOutcome(null, null, cause);
    }
}

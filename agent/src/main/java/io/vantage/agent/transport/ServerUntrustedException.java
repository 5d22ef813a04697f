package io.vantage.agent.transport;

import java.io.IOException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;

/**
 * The server's certificate did not verify, so the agent sent it nothing: it is not signed by anything the trust
 * store holds, has expired, or does not carry the name the agent expects. An operator must act (fix the trust
 * store or the name, or find out who answers in the server's place); meanwhile the agent retries with its backoff.
 */
public final class ServerUntrustedException extends IOException {

    private ServerUntrustedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The verification failure behind a failed handshake, or {@code null} when it failed for another reason. */
    static ServerUntrustedException from(SSLHandshakeException failure, String name, String trustSource) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException) {
                String reason = String.valueOf(cause.getMessage());
                String message = reason.startsWith("No subject alternative") || reason.startsWith("No name matching")
                        ? "its certificate does not carry the name '" + name + "' (" + reason + ")"
                        : "its certificate is not trusted by " + trustSource + " (" + reason + ")";
                return new ServerUntrustedException(message, failure);
            }
        }
        return null;
    }
}

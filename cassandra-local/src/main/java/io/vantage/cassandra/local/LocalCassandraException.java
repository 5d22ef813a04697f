package io.vantage.cassandra.local;

/**
 * A local Cassandra could not be configured, started or stopped.
 *
 * <p>Unchecked because its callers (tests, the command line) can do nothing but report it; the message
 * starts with the {@link CasMessage} code and, for a failed start, ends with the tail of Cassandra's log.
 */
public class LocalCassandraException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final CasMessage reason;

    public LocalCassandraException(CasMessage reason, Object... args) {
        super(reason.format(args));
        this.reason = reason;
    }

    public LocalCassandraException(Throwable cause, CasMessage reason, Object... args) {
        super(reason.format(args), cause);
        this.reason = reason;
    }

    /** Which of the coded messages this is. */
    public CasMessage reason() {
        return reason;
    }
}

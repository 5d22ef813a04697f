package io.vantage.inventory.query;

/**
 * A node query that cannot be parsed. The message says what was expected, what was found and where, in words an
 * operator can act on; {@link #column()} gives the same position for a console that wants to highlight it.
 */
public class InvalidNodeQueryException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int column;

    public InvalidNodeQueryException(String message, int column) {
        super(message);
        this.column = column;
    }

    /** The 1-based column in the query text where the problem was found. */
    public int column() {
        return column;
    }
}

package io.vantage.protocol;

/** How an agent answers a {@link Request}; the number is its byte on the wire. */
public enum ResponseStatus {
    /** Done: the response carries the kind's body. */
    OK(0),
    /** The agent understood the request but could not do it (bad arguments, /proc unreadable, busy). */
    ERROR(1),
    /** The agent does not know the request's kind, or cannot do it on this system. */
    UNSUPPORTED(2);

    private final int code;

    ResponseStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The status for a byte read off the wire, or {@code null} when it names none. */
    public static ResponseStatus of(int code) {
        for (ResponseStatus value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        return null;
    }
}

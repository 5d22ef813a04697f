package io.vantage.protocol;

/** Bytes that break the protocol; the code says which {@link ErrorFrame} to answer with. */
public class ProtocolException extends Exception {

    private final ErrorCode code;

    public ProtocolException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** The error frame that tells the peer about this violation. */
    public ErrorFrame toFrame() {
        return new ErrorFrame(code, getMessage());
    }
}

package io.vantage.protocol;

/**
 * One message of the agent protocol. On the wire every frame is a 4-byte big-endian length (of the
 * type byte and the payload), a type byte and the payload; see {@code protocol/PROTOCOL.md}.
 */
public sealed interface Frame permits Hello, Welcome, SampleBatch, Ack, ErrorFrame, Ping, Pong, Request,
        Response {

    /** The type byte that identifies this frame on the wire. */
    FrameType type();
}

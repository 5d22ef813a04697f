package io.vantage.events;

/** The three ways an event reaches its consumers (the event framework of the original design). */
public enum Delivery {
    /** Every subscribing service, and every instance that subscribes non-durably, gets every event: a topic. */
    FAN_OUT,
    /** Each event goes to one instance of whichever consumes it: a queue. */
    ROUND_ROBIN,
    /**
     * Every service gets each event once, shared among that service's instances: one shared durable subscription
     * per service on a topic.
     */
    SCOPED_ROUND_ROBIN
}

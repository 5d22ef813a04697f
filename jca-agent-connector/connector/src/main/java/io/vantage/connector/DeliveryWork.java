package io.vantage.connector;

import jakarta.resource.spi.work.Work;

/** One call into the application (an admission or a batch), run by the container's WorkManager. */
final class DeliveryWork implements Work {

    private final Runnable delivery;

    DeliveryWork(Runnable delivery) {
        this.delivery = delivery;
    }

    @Override
    public void run() {
        delivery.run();
    }

    /**
     * Does nothing: a call into a message-driven bean cannot be stopped safely halfway. It runs to its end, and
     * its answer is dropped if the agent's connection has gone meanwhile; the agent resends what was not acknowledged.
     */
    @Override
    public void release() {
        // see the Javadoc: nothing to interrupt
    }
}

package io.vantage.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.BindException;

import org.junit.jupiter.api.Test;

import io.vantage.connector.testing.Batches;
import io.vantage.connector.testing.RecordingListener;
import io.vantage.connector.testing.RunningServer;
import io.vantage.connector.testing.TestAgent;
import io.vantage.connector.testing.TestSettings;
import io.vantage.protocol.Ack;

/** Starting and stopping the listener: the port is taken in start, freed in stop, and nothing is left behind. */
class AgentServerLifecycleTest {

    private final RecordingListener listener = new RecordingListener();

    @Test
    void stop_closes_every_connection_and_frees_the_port_for_a_new_listener() throws Exception {
        int port;
        TestAgent admitted;
        TestAgent midFrame;
        try (RunningServer server = new RunningServer(TestSettings.loopback().build(), listener)) {
            port = server.address().getPort();
            admitted = server.connect();
            admitted.handshake("admitted");
            midFrame = server.connect();
            midFrame.sendRaw(new byte[] {0, 0});

            server.server().stop();
            server.server().stop();
            assertEquals(0, server.stats().openConnections());
        }
        admitted.assertClosedByServer();
        midFrame.assertClosedByServer();
        admitted.close();
        midFrame.close();

        try (RunningServer again = new RunningServer(TestSettings.loopback().port(port).build(), listener);
             TestAgent agent = again.connect()) {
            assertEquals(port, again.address().getPort());
            agent.handshake("back");
            agent.send(Batches.small(1));
            assertEquals(new Ack(1), agent.read());
        }
    }

    @Test
    void a_port_in_use_fails_start_with_a_bind_exception() throws Exception {
        try (RunningServer first = new RunningServer(TestSettings.loopback().build(), listener)) {
            int port = first.address().getPort();
            assertNotEquals(0, port);
            AgentServer second = new AgentServer(TestSettings.loopback().port(port).build(),
                    Runnable::run, listener);
            assertThrows(BindException.class, second::start);
            second.stop();
        }
    }
}

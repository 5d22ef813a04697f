package io.vantage.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vantage.agent.Agent;
import io.vantage.agent.collect.Collector;
import io.vantage.agent.collect.CollectorSet;
import io.vantage.agent.config.AgentConfig;
import io.vantage.agent.config.CommandLine;
import io.vantage.agent.config.ConfigLoader;
import io.vantage.agent.transport.TransportSettings;
import io.vantage.connector.testing.Await;
import io.vantage.connector.testing.LogCapture;
import io.vantage.connector.testing.RecordingListener;
import io.vantage.protocol.Sample;
import io.vantage.testing.TestCertificates;

/**
 * The real agent against the real resource adapter with a keystore, through the fake endpoints: TLS end to end,
 * configured the way an operator configures both sides. An agent that cannot verify the server sends it nothing,
 * not even its key, and says why.
 */
class AgentOverTlsTest {

    private final RecordingListener bean = new RecordingListener();
    private final FakeWorkManager workManager = new FakeWorkManager();
    private final FakeEndpointFactory endpoints = new FakeEndpointFactory(bean);
    private final AgentResourceAdapter adapter = new AgentResourceAdapter();
    private final List<Agent> agents = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        adapter.setBindAddress("127.0.0.1");
        adapter.setPort(0);
        adapter.setGraphitePort(-1);
        adapter.setAgentTlsKeyStore(TestCertificates.keyStore().toString());
        adapter.setAgentTlsKeyStorePassword(TestCertificates.KEY_STORE_PASSWORD);
        adapter.start(new FakeBootstrapContext(workManager));
        AgentActivationSpec spec = new AgentActivationSpec();
        spec.setResourceAdapter(adapter);
        adapter.endpointActivation(endpoints, spec);
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (Agent agent : agents) {
            agent.close();
        }
        adapter.stop();
        workManager.shutdown();
    }

    @Test
    void an_agent_trusting_the_certificate_pushes_batches_over_tls_and_each_is_stored_and_acknowledged()
            throws Exception {
        Agent agent = agent("--tls", "true", "--tls-trust-store", TestCertificates.trustStore().toString(),
                "--tls-trust-store-password", TestCertificates.TRUST_STORE_PASSWORD);

        Await.until("five batches stored", () -> bean.storedSequences().size() >= 5);
        Await.until("the agent to hear they are stored", () -> agent.unacknowledged() <= 1);
        List<Long> stored = bean.storedSequences();
        for (int i = 1; i < stored.size(); i++) {
            assertEquals(stored.get(i - 1) + 1, stored.get(i), "consecutive, each once: " + stored);
        }
        assertEquals("agent-1", bean.admissions().get(0).agentId());
        assertTrue(endpoints.events().contains("deliver"), endpoints.events().toString());
    }

    @Test
    void the_name_checked_may_differ_from_the_address_when_the_certificate_carries_it() throws Exception {
        agent("--tls", "true", "--tls-trust-store", TestCertificates.certificate().toString(), "--tls-server-name",
                "localhost");

        Await.until("batches stored", () -> bean.storedSequences().size() >= 2);
    }

    @Test
    void an_agent_that_does_not_trust_the_certificate_sends_nothing_logs_why_and_keeps_retrying()
            throws Exception {
        try (LogCapture agentLog = new LogCapture("io.vantage.agent")) {
            Agent agent = agent("--tls", "true"); // the JDK's trust store, which knows nothing of this server

            String why = agentLog.await("VANTAGE-AGT-0031", "failed TLS verification and was sent nothing",
                    "not trusted by the JDK's default trust store");
            assertTrue(why.contains("PKIX"), why);
            Await.until("a retry with the backoff", () -> agentLog.count("VANTAGE-AGT-0031") >= 2);
            Await.until("batches kept meanwhile", () -> agent.unacknowledged() >= 2);
        }
        assertEquals(List.of(), bean.admissions(), "not even the hello, with the agent's key, reached the server");
        assertEquals(0, bean.deliveriesStarted());
    }

    @Test
    void an_agent_expecting_another_server_name_fails_verification_and_sends_nothing() throws Exception {
        try (LogCapture agentLog = new LogCapture("io.vantage.agent")) {
            agent("--tls", "true", "--tls-trust-store", TestCertificates.certificate().toString(), "--tls-server-name",
                    "vantage.example.org");

            agentLog.await("VANTAGE-AGT-0031", "does not carry the name 'vantage.example.org'");
        }
        assertEquals(List.of(), bean.admissions());
    }

    @Test
    void a_plaintext_agent_is_turned_away_by_the_tls_listener_and_keeps_its_batches() throws Exception {
        try (LogCapture serverLog = new LogCapture(); LogCapture agentLog = new LogCapture("io.vantage.agent")) {
            Agent agent = agent();

            serverLog.await("VANTAGE-CON-0038");
            agentLog.await("VANTAGE-AGT-0004", "Cannot connect to 127.0.0.1:");
            Await.until("batches kept", () -> agent.unacknowledged() >= 2);
        }
        assertEquals(List.of(), bean.admissions());
    }

    @Test
    void a_tls_agent_against_a_plaintext_listener_fails_its_handshake_and_never_sends_its_key() throws Exception {
        AgentResourceAdapter plain = new AgentResourceAdapter();
        plain.setBindAddress("127.0.0.1");
        plain.setPort(0);
        plain.setGraphitePort(-1);
        RecordingListener plainBean = new RecordingListener();
        plain.start(new FakeBootstrapContext(workManager));
        try (LogCapture agentLog = new LogCapture("io.vantage.agent")) {
            AgentActivationSpec spec = new AgentActivationSpec();
            spec.setResourceAdapter(plain);
            plain.endpointActivation(new FakeEndpointFactory(plainBean), spec);
            agent(plain.listeningAddress().getPort(), "--tls", "true", "--tls-trust-store",
                    TestCertificates.certificate().toString());

            agentLog.await("VANTAGE-AGT-0004", "TLS handshake failed");
        } finally {
            plain.stop();
        }
        assertEquals(List.of(), plainBean.admissions());
    }

    private Agent agent(String... tlsFlags) throws Exception {
        return agent(adapter.listeningAddress().getPort(), tlsFlags);
    }

    /** An agent configured from flags, as an operator would, then made to tick fast and reconnect quickly. */
    private Agent agent(int port, String... tlsFlags) throws Exception {
        List<String> flags = new ArrayList<>(List.of("--server", "127.0.0.1:" + port, "--agent-id", "agent-1",
                "--agent-key", RecordingListener.KEY, "--hostname", "test-host"));
        flags.addAll(List.of(tlsFlags));
        AgentConfig loaded = new ConfigLoader(Map.of(), Path.of("").toAbsolutePath(), () -> "test-host")
                .load(CommandLine.parse(flags.toArray(String[]::new)));
        AgentConfig config = new AgentConfig(loaded.servers(), loaded.agentId(), loaded.agentKey(),
                loaded.hostname(), Duration.ofMillis(50), null, 1000, loaded.spoolMaxBytes(), null, loaded.tls());
        TransportSettings fast = new TransportSettings(Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(100), 32);
        Agent agent = Agent.open(config, fast, counting());
        agents.add(agent);
        agent.start();
        return agent;
    }

    /** One sample per tick, counting up. */
    private static CollectorSet counting() {
        AtomicLong ticks = new AtomicLong();
        return new CollectorSet(List.of(new Collector() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public void collect(long timestampMillis, List<Sample> into) {
                into.add(new Sample("test.tick", timestampMillis, ticks.incrementAndGet()));
            }
        }));
    }
}

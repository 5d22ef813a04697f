package io.vantage.connector;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.vantage.connector.testing.Batches;
import io.vantage.connector.testing.RecordingListener;
import io.vantage.connector.testing.TestAgent;
import io.vantage.connector.testing.TestTls;
import io.vantage.protocol.Ack;
import io.vantage.testing.TestCertificates;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapterInternalException;

/** The adapter's TLS properties: a keystore turns the agent port to TLS only; a bad one is refused by name. */
class AgentResourceAdapterTlsTest {

    @TempDir
    static Path files;

    private final RecordingListener bean = new RecordingListener();
    private final FakeWorkManager workManager = new FakeWorkManager();
    private final FakeEndpointFactory endpoints = new FakeEndpointFactory(bean);
    private final AgentResourceAdapter adapter = loopbackAdapter();

    @AfterEach
    void stop() {
        adapter.stop();
        workManager.shutdown();
    }

    @Test
    void with_a_keystore_agents_are_served_over_tls_through_the_endpoints() throws Exception {
        withTestKeyStore(adapter);
        adapter.start(new FakeBootstrapContext(workManager));
        AgentActivationSpec spec = new AgentActivationSpec();
        spec.setResourceAdapter(adapter);
        adapter.endpointActivation(endpoints, spec);

        try (TestAgent agent = TestAgent.connectTls(adapter.listeningAddress(), TestTls.trustingClient())) {
            agent.handshake("agent-1");
            agent.send(Batches.small(1));
            assertEquals(new Ack(1), agent.read());
        }
        assertEquals(List.of(1L), bean.storedSequences());
        try (TestAgent plain = TestAgent.connect(adapter.listeningAddress())) {
            plain.send(TestAgent.hello("agent-2", RecordingListener.KEY));
            plain.assertClosedByServer();
        }
        assertEquals(1, bean.admissions().size());
    }

    @Test
    void without_a_keystore_the_agent_port_stays_plain_tcp() throws Exception {
        assertEquals("", adapter.getAgentTlsKeyStore());
        adapter.start(new FakeBootstrapContext(workManager));
        AgentActivationSpec spec = new AgentActivationSpec();
        spec.setResourceAdapter(adapter);
        adapter.endpointActivation(endpoints, spec);

        try (TestAgent agent = TestAgent.connect(adapter.listeningAddress())) {
            agent.handshake("agent-1");
            agent.send(Batches.small(1));
            assertEquals(new Ack(1), agent.read());
        }
    }

    @Test
    void a_jks_keystore_is_taken_when_its_type_is_given() throws Exception {
        Path jks = files.resolve("server.jks");
        if (!Files.exists(jks)) {
            TestCertificates.keytool(files, "-importkeystore", "-srckeystore", TestCertificates.keyStore().toString(),
                    "-srcstoretype", "PKCS12", "-srcstorepass", TestCertificates.KEY_STORE_PASSWORD, "-destkeystore",
                    jks.toString(), "-deststoretype", "JKS", "-deststorepass", TestCertificates.KEY_STORE_PASSWORD);
        }
        withTestKeyStore(adapter);
        adapter.setAgentTlsKeyStore(jks.toString());
        adapter.setAgentTlsKeyStoreType("JKS");
        assertDoesNotThrow(adapter::validate);
    }

    static Stream<Arguments> bad_tls_settings() throws IOException {
        Path garbage = Files.writeString(files.resolve("garbage.p12"), "not a keystore");
        return Stream.of(
                bad("a keystore file that does not exist", "agentTlsKeyStore", "must name a keystore file",
                        a -> a.setAgentTlsKeyStore(files.resolve("missing.p12").toString())),
                bad("a directory for a keystore", "agentTlsKeyStore", "must name a keystore file",
                        a -> a.setAgentTlsKeyStore(files.toString())),
                bad("a file that is not a keystore", "agentTlsKeyStore", "cannot be read as a PKCS12 keystore",
                        a -> a.setAgentTlsKeyStore(garbage.toString())),
                bad("a keystore holding only a trusted certificate", "agentTlsKeyStore", "holds no private key",
                        a -> {
                            a.setAgentTlsKeyStore(TestCertificates.trustStore().toString());
                            a.setAgentTlsKeyStorePassword(TestCertificates.TRUST_STORE_PASSWORD);
                        }),
                bad("a wrong password", "agentTlsKeyStorePassword", "the password is wrong",
                        a -> a.setAgentTlsKeyStorePassword("not-the-password")),
                bad("no password", "agentTlsKeyStorePassword", "the password is wrong",
                        a -> a.setAgentTlsKeyStorePassword("")),
                bad("an unknown keystore type", "agentTlsKeyStoreType", "is not a keystore type",
                        a -> a.setAgentTlsKeyStoreType("PEM")),
                bad("an old protocol version", "agentTlsProtocols", "must list TLSv1.3 and/or TLSv1.2",
                        a -> a.setAgentTlsProtocols("TLSv1.2,TLSv1.1")),
                bad("no protocol version", "agentTlsProtocols", "must list TLSv1.3 and/or TLSv1.2",
                        a -> a.setAgentTlsProtocols(" , ")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad_tls_settings")
    void a_bad_tls_setting_is_refused_by_name_by_validate_and_by_start(String what, String property, String rule,
                                                                       Consumer<AgentResourceAdapter> spoil) {
        withTestKeyStore(adapter);
        spoil.accept(adapter);

        InvalidPropertyException invalid = assertThrows(InvalidPropertyException.class, adapter::validate);
        assertTrue(invalid.getMessage().startsWith("agent connector setting " + property + " (system property "
                + "vantage.agent.tls-"), invalid.getMessage());
        assertTrue(invalid.getMessage().contains(rule), invalid.getMessage());
        assertFalse(invalid.getMessage().contains(TestCertificates.KEY_STORE_PASSWORD),
                "the password is never repeated");

        ResourceAdapterInternalException failed = assertThrows(ResourceAdapterInternalException.class,
                () -> adapter.start(new FakeBootstrapContext(workManager)));
        assertEquals(invalid.getMessage(), failed.getMessage());
        assertNull(adapter.listeningAddress());
    }

    private static Arguments bad(String what, String property, String rule, Consumer<AgentResourceAdapter> spoil) {
        return Arguments.of(what, property, rule, spoil);
    }

    private static void withTestKeyStore(AgentResourceAdapter adapter) {
        adapter.setAgentTlsKeyStore(TestCertificates.keyStore().toString());
        adapter.setAgentTlsKeyStorePassword(TestCertificates.KEY_STORE_PASSWORD);
    }

    private static AgentResourceAdapter loopbackAdapter() {
        AgentResourceAdapter adapter = new AgentResourceAdapter();
        adapter.setBindAddress("127.0.0.1");
        adapter.setPort(0);
        adapter.setGraphiteBindAddress("127.0.0.1");
        adapter.setGraphitePort(-1);
        return adapter;
    }
}

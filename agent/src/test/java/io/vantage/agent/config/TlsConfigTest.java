package io.vantage.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.testing.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS settings: off unless asked for, a trust store checked at start, and no way to half-configure it. */
class TlsConfigTest {

    @TempDir
    Path workingDir;

    @Test
    void tls_is_off_by_default() throws Exception {
        assertNull(load(Map.of()).tls());
        assertNull(load(Map.of(), "--tls", "false").tls());
    }

    @Test
    void tls_alone_verifies_against_the_jdk_trust_store_and_the_host_of_each_server() throws Exception {
        TlsSettings tls = load(Map.of(), "--tls", "TRUE").tls();

        assertNull(tls.trustStore());
        assertEquals(TlsSettings.JDK_TRUST, tls.trustSource());
        assertNull(tls.serverName());
    }

    @Test
    void a_pkcs12_trust_store_with_its_password_from_the_environment_is_loaded() throws Exception {
        TlsSettings tls = load(Map.of("VANTAGE_AGENT_TLS_TRUST_STORE_PASSWORD", TestCertificates.TRUST_STORE_PASSWORD),
                "--tls", "true", "--tls-trust-store", TestCertificates.trustStore().toString(),
                "--tls-server-name", "vantage.example.org").tls();

        assertEquals(1, tls.trustStore().size());
        assertEquals(TestCertificates.trustStore().toString(), tls.trustSource());
        assertEquals("vantage.example.org", tls.serverName());
    }

    @Test
    void a_pem_file_relative_to_the_working_directory_is_a_trust_store_too() throws Exception {
        Files.copy(TestCertificates.certificate(), workingDir.resolve("ca.pem"));
        Files.writeString(workingDir.resolve("agent.properties"), "agent-id=a\nagent-key=k\ntls=true\n"
                + "tls-trust-store=ca.pem\n");

        TlsSettings tls = new ConfigLoader(Map.of(), workingDir, () -> "host").load(CommandLine.parse()).tls();

        assertNotNull(tls.trustStore().getCertificate("certificate-1"));
        assertEquals(workingDir.resolve("ca.pem").toString(), tls.trustSource());
    }

    @Test
    void a_wrong_trust_store_password_is_an_error_naming_the_setting() {
        ConfigException error = assertThrows(ConfigException.class, () -> load(Map.of(), "--tls", "true",
                "--tls-trust-store", TestCertificates.trustStore().toString(), "--tls-trust-store-password", "nope"));

        assertTrue(error.getMessage().startsWith("tls-trust-store-password does not open tls-trust-store"),
                error.getMessage());
    }

    @Test
    void a_missing_or_unusable_trust_store_is_an_error_at_start() throws Exception {
        ConfigException missing = assertThrows(ConfigException.class,
                () -> load(Map.of(), "--tls", "true", "--tls-trust-store", "missing.p12"));
        assertTrue(missing.getMessage().startsWith("tls-trust-store " + workingDir.resolve("missing.p12")
                + " cannot be read"), missing.getMessage());

        Files.writeString(workingDir.resolve("notes.txt"), "not a trust store");
        ConfigException garbage = assertThrows(ConfigException.class,
                () -> load(Map.of(), "--tls", "true", "--tls-trust-store", "notes.txt"));
        assertTrue(garbage.getMessage().contains("is neither a PKCS12 or JKS trust store nor PEM certificates"),
                garbage.getMessage());
    }

    @Test
    void tls_settings_without_tls_are_an_error_rather_than_a_false_sense_of_security() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> load(Map.of(), "--tls-trust-store", TestCertificates.trustStore().toString()));
        assertTrue(error.getMessage().startsWith("tls-trust-store is set but tls is not"), error.getMessage());

        assertThrows(ConfigException.class, () -> load(Map.of(), "--tls-server-name", "vantage.example.org"));
    }

    @Test
    void tls_must_be_true_or_false() {
        ConfigException error = assertThrows(ConfigException.class, () -> load(Map.of(), "--tls", "yes"));

        assertEquals("tls must be true or false, was 'yes'", error.getMessage());
    }

    @Test
    void the_trust_store_password_never_shows_in_the_configuration_text() throws Exception {
        AgentConfig config = load(Map.of(), "--tls", "true", "--tls-trust-store",
                TestCertificates.trustStore().toString(), "--tls-trust-store-password",
                TestCertificates.TRUST_STORE_PASSWORD);

        assertTrue(config.toString().contains("tls=TlsSettings[trust="), config.toString());
        assertFalse(config.toString().contains(TestCertificates.TRUST_STORE_PASSWORD), config.toString());
    }

    private AgentConfig load(Map<String, String> env, String... args) throws ConfigException {
        String[] all = new String[args.length + 4];
        System.arraycopy(new String[] {"--agent-id", "a", "--agent-key", "k"}, 0, all, 0, 4);
        System.arraycopy(args, 0, all, 4, args.length);
        return new ConfigLoader(env, workingDir, () -> "this-machine").load(CommandLine.parse(all));
    }
}

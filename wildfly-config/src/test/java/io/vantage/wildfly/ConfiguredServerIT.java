package io.vantage.wildfly;

import static io.vantage.wildfly.ManagementClient.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Starts the server this module built, exactly as an operator would, and checks through the
 * management API that the CLI scripts produced a server that boots cleanly and has every
 * resource the application looks up.
 */
class ConfiguredServerIT {

    private static final String[] MESSAGING = {"subsystem", "messaging-activemq", "server", "default"};

    private static ConfiguredServer server;
    private static ManagementClient client;

    @BeforeAll
    static void startServer() throws Exception {
        server = new ConfiguredServer(
                Path.of(System.getProperty("vantage.server.dir", "target/wildfly")),
                Path.of(System.getProperty("vantage.it.base.dir", "target/it-server")),
                Integer.getInteger("vantage.it.port-offset", 300));
        server.start();
        client = server.client();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void should_boot_without_errors() throws Exception {
        JsonObject response = client.result(op("read-boot-errors", "core-service", "management"));
        assertEquals(0, response.getJsonArray("result").size(), () -> "boot errors: " + response);
    }

    @Test
    void should_connect_VantageDS() throws Exception {
        JsonObject datasource = client.result(op("read-resource", "subsystem", "datasources", "data-source", "VantageDS"))
                .getJsonObject("result");
        assertEquals("java:jboss/datasources/VantageDS", datasource.getString("jndi-name"));
        assertEquals(30, datasource.getInt("max-pool-size"));

        JsonObject tested = client.result(op("test-connection-in-pool", "subsystem", "datasources", "data-source", "VantageDS"));
        assertEquals("[true]", tested.get("result").toString());
    }

    @Test
    void should_have_the_jms_destinations() throws Exception {
        JsonObject metrics = client.result(op("read-resource", with(MESSAGING, "jms-topic", "vantage.metrics"))
                .add("include-runtime", true)).getJsonObject("result");
        assertEquals(List.of("java:/jms/vantage.metrics", "java:jboss/exported/jms/vantage.metrics"), strings(metrics, "entries"));

        JsonObject events = client.result(op("read-resource", with(MESSAGING, "jms-topic", "vantage.events"))).getJsonObject("result");
        assertEquals(List.of("java:/jms/vantage.events"), strings(events, "entries"));

        JsonObject alerts = client.result(op("read-resource", with(MESSAGING, "jms-topic", "vantage.alerts"))).getJsonObject("result");
        assertEquals(List.of("java:/jms/vantage.alerts"), strings(alerts, "entries"));

        /* a poison event is parked after a bounded number of attempts instead of blocking the services behind it */
        JsonObject eventSetting = client.result(op("read-resource", with(MESSAGING, "address-setting", "jms.topic.vantage.events"))).getJsonObject("result");
        assertEquals(10, eventSetting.getInt("max-delivery-attempts"));

        JsonObject work = client.result(op("read-resource", with(MESSAGING, "jms-queue", "vantage.work"))).getJsonObject("result");
        assertEquals(List.of("java:/jms/vantage.work"), strings(work, "entries"));
        assertTrue(work.getBoolean("durable"));

        /* the address-setting must carry the topic's Artemis address, or it silently matches nothing */
        String address = metrics.getString("topic-address");
        JsonObject setting = client.result(op("read-resource", with(MESSAGING, "address-setting", address))).getJsonObject("result");
        assertEquals("BLOCK", setting.getString("address-full-policy"));
        assertEquals(64L * 1024 * 1024, setting.getJsonNumber("max-size-bytes").longValue());
        /* acknowledged samples wait for Cassandra however long it is down: never dead-lettered */
        assertEquals(-1, setting.getInt("max-delivery-attempts"));
    }

    @Test
    void should_have_the_vantage_system_properties() throws Exception {
        JsonObject properties = client.result(op("read-children-resources").add("child-type", "system-property"))
                .getJsonObject("result");
        for (String name : List.of("vantage.agent.port", "vantage.agent.bind-address", "vantage.agent.max-frame-bytes",
                "vantage.agent.max-connections", "vantage.agent.handshake-timeout-seconds",
                "vantage.agent.idle-timeout-seconds", "vantage.agent.max-batches-in-flight",
                "vantage.agent.delivery-timeout-seconds",
                "vantage.agent.tls-key-store", "vantage.agent.tls-key-store-password", "vantage.agent.tls-key-store-type",
                "vantage.agent.tls-protocols",
                "vantage.cassandra.contact-points", "vantage.cassandra.local-datacenter", "vantage.cassandra.keyspace",
                "vantage.cassandra.replication-factor", "vantage.bootstrap.admin-password")) {
            assertTrue(properties.containsKey(name), () -> name + " missing from " + properties.keySet());
        }
        assertEquals("${env.VANTAGE_AGENT_PORT:7070}", properties.getJsonObject("vantage.agent.port")
                .getJsonObject("value").getString("EXPRESSION_VALUE"));
        /* stored as an expression (resolved only at runtime), not as the resolved default */
        assertEquals("${env.VANTAGE_ADMIN_PASSWORD:admin}", properties.getJsonObject("vantage.bootstrap.admin-password")
                .getJsonObject("value").getString("EXPRESSION_VALUE"));
    }

    @Test
    void should_serve_prometheus_metrics_on_the_management_port() throws Exception {
        ManagementClient.HttpResponse response = client.get("/prometheus");
        assertEquals(200, response.status);
        assertTrue(response.body.contains("# TYPE "), "not Prometheus text");
    }

    @Test
    void should_have_the_server_wide_settings() throws Exception {
        JsonObject ee = client.result(op("read-resource", "subsystem", "ee")).getJsonObject("result");
        assertTrue(ee.getBoolean("annotation-property-replacement"));
        assertTrue(ee.getBoolean("spec-descriptor-property-replacement"));
        assertTrue(ee.getBoolean("jboss-descriptor-property-replacement"));

        JsonObject pool = client.result(op("read-resource", "subsystem", "ejb3", "strict-max-bean-instance-pool", "vantage-ingest-pool"))
                .getJsonObject("result");
        assertEquals(16, pool.getInt("max-pool-size"));

        JsonObject mail = client.result(op("read-resource", "subsystem", "mail", "mail-session", "vantage")).getJsonObject("result");
        assertEquals("java:jboss/mail/Vantage", mail.getString("jndi-name"));
        /* a hanging relay must not hold a notification worker forever */
        JsonObject smtp = client.result(op("read-resource", "subsystem", "mail", "mail-session", "vantage", "custom",
                "smtp")).getJsonObject("result");
        assertEquals("vantage-smtp", smtp.getString("outbound-socket-binding-ref"));
        assertTrue(smtp.getJsonObject("properties").containsKey("mail.smtp.timeout"), smtp.toString());

        JsonObject logger = client.result(op("read-resource", "subsystem", "logging", "logger", "io.vantage")).getJsonObject("result");
        assertEquals(List.of("VANTAGE"), strings(logger, "handlers"));

        JsonObject host = client.result(op("read-children-names", "subsystem", "undertow", "server", "default-server", "host", "default-host")
                .add("child-type", "location"));
        assertFalse(strings(host, "result").contains("/"), "welcome content still mapped at /");
        JsonObject domain = client.result(op("read-resource", "subsystem", "undertow", "application-security-domain", "other"))
                .getJsonObject("result");
        assertFalse(domain.getBoolean("integrated-jaspi"));
    }

    private static String[] with(String[] parent, String type, String name) {
        String[] address = java.util.Arrays.copyOf(parent, parent.length + 2);
        address[parent.length] = type;
        address[parent.length + 1] = name;
        return address;
    }

    private static List<String> strings(JsonObject object, String key) {
        return object.getJsonArray(key).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).collect(Collectors.toList());
    }
}

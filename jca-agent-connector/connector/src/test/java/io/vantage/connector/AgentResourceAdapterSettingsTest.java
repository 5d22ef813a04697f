package io.vantage.connector;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapterInternalException;

/** The adapter's settings: documented defaults, agreement with ironjacamar.xml, and clear refusals of bad values. */
class AgentResourceAdapterSettingsTest {

    @Test
    void the_defaults_are_valid_and_are_the_documented_ones() throws Exception {
        AgentResourceAdapter adapter = new AgentResourceAdapter();
        assertDoesNotThrow(adapter::validate);
        List<Field> properties = configProperties();
        assertEquals(18, properties.size());
        for (Field field : properties) {
            field.setAccessible(true);
            ConfigProperty annotation = field.getAnnotation(ConfigProperty.class);
            assertEquals(annotation.defaultValue(), String.valueOf(field.get(adapter)), field.getName());
            assertTrue(annotation.description().length > 0 && !annotation.description()[0].isBlank(), field.getName());
        }
    }

    @Test
    void ironjacamar_xml_sets_every_property_from_a_system_property_with_the_same_default() throws Exception {
        String descriptor = Files.readString(Path.of("src/main/rar/META-INF/ironjacamar.xml"));
        assertAll(configProperties().stream().map(field -> () -> {
            String defaultValue = field.getAnnotation(ConfigProperty.class).defaultValue();
            String pattern = "<config-property name=\"" + field.getName()
                    + "\">\\$\\{vantage\\.(agent|graphite)\\.[a-z-]+:" + defaultValue.replace(".", "\\.")
                    + "}</config-property>";
            assertTrue(descriptor.lines().anyMatch(line -> line.strip().matches(pattern)), field.getName());
        }));
    }

    static Stream<Arguments> bad_settings() {
        return Stream.of(
                bad("port", a -> a.setPort(-1)),
                bad("port", a -> a.setPort(65_536)),
                bad("port", a -> a.setPort(null)),
                bad("bindAddress", a -> a.setBindAddress(" ")),
                bad("maxFrameBytes", a -> a.setMaxFrameBytes(100)),
                bad("maxFrameBytes", a -> a.setMaxFrameBytes(Integer.MAX_VALUE)),
                bad("maxConnections", a -> a.setMaxConnections(0)),
                bad("handshakeTimeoutSeconds", a -> a.setHandshakeTimeoutSeconds(0)),
                bad("idleTimeoutSeconds", a -> a.setIdleTimeoutSeconds(2)),
                bad("maxBatchesInFlightPerConnection", a -> a.setMaxBatchesInFlightPerConnection(0)),
                bad("maxBatchesInFlightPerConnection", a -> a.setMaxBatchesInFlightPerConnection(65)),
                bad("deliveryTimeoutSeconds", a -> a.setDeliveryTimeoutSeconds(9)),
                bad("deliveryTimeoutSeconds", a -> a.setDeliveryTimeoutSeconds(null)),
                bad("graphitePort", a -> a.setGraphitePort(-2)),
                bad("graphitePort", a -> a.setGraphitePort(65_536)),
                bad("graphitePort", a -> a.setGraphitePort(null)),
                bad("graphiteBindAddress", a -> a.setGraphiteBindAddress("")),
                bad("graphiteMaxLineBytes", a -> a.setGraphiteMaxLineBytes(511)),
                bad("graphiteMaxLineBytes", a -> a.setGraphiteMaxLineBytes(65_537)),
                bad("graphiteMaxConnections", a -> a.setGraphiteMaxConnections(0)),
                bad("graphiteIdleTimeoutSeconds", a -> a.setGraphiteIdleTimeoutSeconds(0)),
                bad("graphiteMaxLinesPerBatch", a -> a.setGraphiteMaxLinesPerBatch(0)),
                bad("graphiteMaxLinesPerBatch", a -> a.setGraphiteMaxLinesPerBatch(100_001)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad_settings")
    void a_bad_setting_is_refused_by_name_by_validate_and_by_start(String property,
                                                                   Consumer<AgentResourceAdapter> spoil) {
        AgentResourceAdapter adapter = new AgentResourceAdapter();
        spoil.accept(adapter);

        InvalidPropertyException invalid = assertThrows(InvalidPropertyException.class, adapter::validate);
        String systemProperty = property.startsWith("graphite") ? "vantage.graphite." : "vantage.agent.";
        assertTrue(invalid.getMessage().startsWith("agent connector setting " + property + " (system property "
                + systemProperty), invalid.getMessage());

        ResourceAdapterInternalException failed = assertThrows(ResourceAdapterInternalException.class,
                () -> adapter.start(new FakeBootstrapContext(new FakeWorkManager())));
        assertEquals(invalid.getMessage(), failed.getMessage());
        assertEquals(null, adapter.listeningAddress());
    }

    private static Arguments bad(String property, Consumer<AgentResourceAdapter> spoil) {
        return Arguments.of(property, spoil);
    }

    private static List<Field> configProperties() {
        return Arrays.stream(AgentResourceAdapter.class.getDeclaredFields())
                .filter(field -> field.isAnnotationPresent(ConfigProperty.class))
                .toList();
    }
}

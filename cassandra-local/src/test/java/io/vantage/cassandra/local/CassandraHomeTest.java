package io.vantage.cassandra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassandraHomeTest {

    @TempDir
    Path dir;

    @Test
    void aHomeNeedsJarsAndTheConfFiles() throws IOException {
        Path home = TestHomes.withoutCassandra(dir.resolve("home"));
        assertEquals(home.toAbsolutePath(), CassandraHome.validate(home));

        Files.delete(home.resolve("conf").resolve("logback.xml"));
        assertTrue(problemOf(home).contains("logback.xml"));
        Files.delete(home.resolve("lib").resolve("broken.jar"));
        Files.writeString(home.resolve("conf").resolve("logback.xml"), "<configuration/>");
        assertTrue(problemOf(home).contains("no jars in"));
        assertTrue(problemOf(dir.resolve("nowhere")).contains("is not a directory"));
    }

    @Test
    void theSystemPropertyNamesTheHome() throws IOException {
        Path home = TestHomes.withoutCassandra(dir.resolve("home"));
        // the only test that touches the property; every other test passes its home explicitly
        System.setProperty(CassandraHome.HOME_PROPERTY, home.toString());
        try {
            assertEquals(home.toAbsolutePath(), CassandraHome.locate());
        } finally {
            System.clearProperty(CassandraHome.HOME_PROPERTY);
        }
    }

    @Test
    void theLauncherRunsWithoutCassandraOnItsClasspath() {
        // the test JVM has no cassandra-all (see the surefire configuration), like any user of this jar
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName(JvmCommand.MAIN_CLASS, false, getClass().getClassLoader()));
    }

    private static String problemOf(Path home) {
        LocalCassandraException e = assertThrows(LocalCassandraException.class, () -> CassandraHome.validate(home));
        assertEquals(CasMessage.HOME_NOT_FOUND, e.reason());
        return e.getMessage();
    }
}

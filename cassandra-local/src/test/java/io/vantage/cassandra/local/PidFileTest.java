package io.vantage.cassandra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    @TempDir
    Path dir;

    @Test
    void writesReadsAndDeletes() {
        PidFile pidFile = PidFile.in(dir);

        assertEquals(dir.resolve("cassandra.pid"), pidFile.file());
        assertEquals(OptionalLong.empty(), pidFile.read());
        pidFile.write(4242);
        assertEquals(OptionalLong.of(4242), pidFile.read());
        pidFile.delete();
        assertFalse(Files.exists(pidFile.file()));
        pidFile.delete();
    }

    @Test
    void garbageIsNoPid() throws IOException {
        PidFile pidFile = PidFile.in(dir);

        Files.writeString(pidFile.file(), "not a pid\n");
        assertTrue(pidFile.read().isEmpty());
        Files.writeString(pidFile.file(), "-5");
        assertTrue(pidFile.read().isEmpty());
    }
}

package io.vantage.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentMainTest {

    @TempDir
    Path dir;

    @Test
    void a_bad_number_exits_with_status_2() {
        assertEquals(2, AgentMain.launch(new String[] {"--agent-id", "a", "--agent-key", "k",
                "--interval-seconds", "often"}));
    }

    @Test
    void an_unknown_flag_exits_with_status_2() {
        assertEquals(2, AgentMain.launch(new String[] {"--agent-id", "a", "--agent-key", "k", "--colour", "red"}));
    }

    @Test
    void a_spool_dir_that_cannot_be_created_exits_with_status_2() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");

        assertEquals(2, AgentMain.launch(new String[] {"--agent-id", "a", "--agent-key", "k",
                "--spool-dir", file.resolve("spool").toString()}));
    }
}

package io.vantage.cassandra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmCommandTest {

    @TempDir
    Path dir;

    @Test
    void commandRunsCassandraDaemonWithTheConfigurationOfThisInstance() throws IOException {
        Path home = TestHomes.withoutCassandra(dir.resolve("home"));
        Path data = dir.resolve("data");
        LocalCassandraConfig config = LocalCassandraConfig.builder().home(home).dataDir(data)
                .cqlPort(19142).storagePort(17100).jmxPort(17299).heap("768m").build();

        List<String> command = JvmCommand.build(config);

        assertEquals(config.javaExecutable().toString(), command.get(0));
        assertEquals("org.apache.cassandra.service.CassandraDaemon", command.get(command.size() - 1));
        assertEquals(home.resolve("conf") + File.pathSeparator + home.resolve("lib").resolve("*"),
                command.get(command.size() - 2));
        assertEquals("-cp", command.get(command.size() - 3));
        for (String expected : List.of(
                "-Xms768m", "-Xmx768m",
                "-Dcassandra.config=" + data.resolve("cassandra.yaml").toUri(),
                "-Dcassandra.storagedir=" + data,
                "-Dcassandra.jmx.local.port=17299",
                "-Dcassandra-foreground=yes",
                "-Dcassandra.ring_delay_ms=100",
                "-Dcassandra.skip_wait_for_gossip_to_settle=0",
                "-Djdk.attach.allowAttachSelf=true",
                "-Dio.netty.tryReflectionSetAccessible=true",
                "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-XX:+UseG1GC")) {
            assertTrue(command.contains(expected), "missing " + expected + " in " + command);
        }
        assertTrue(command.indexOf("-Xmx768m") > command.indexOf("-XX:+UseG1GC"), "dynamic flags come last");
        assertFalse(command.stream().anyMatch(arg -> arg.startsWith("--add-opens ")), "one argument per flag");
    }

    @Test
    void optionsFileKeepsOnlyFlagsAndJoinsTwoWordModuleFlags() {
        List<String> options = JvmCommand.parseOptions(List.of(
                "# comment",
                "",
                "  -ea  ",
                "#-Xmx4G",
                "--add-opens java.base/java.io=ALL-UNNAMED",
                "--add-exports   jdk.unsupported/sun.misc=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED",
                "text without dash"));

        assertEquals(List.of("-ea",
                "--add-opens=java.base/java.io=ALL-UNNAMED",
                "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED"), options);
    }
}

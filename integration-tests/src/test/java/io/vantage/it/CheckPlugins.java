package io.vantage.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Nagios-style plugins for a real agent's checks directory: scripts that print a status line and exit with it. */
final class CheckPlugins {

    private CheckPlugins() {
    }

    /**
     * Writes (or rewrites, atomically, so the agent never runs half a script) {@code dir/name.sh}, which prints
     * {@code output} and exits with {@code exitCode}.
     */
    static Path plugin(Path dir, String name, String output, int exitCode) throws IOException {
        Path script = dir.resolve(name + ".sh");
        Path next = dir.resolve(name + ".sh.new");
        Files.writeString(next, "#!/bin/sh\nprintf '%s\\n' '" + output.replace("'", "'\\''") + "'\nexit " + exitCode
                + "\n");
        Files.setPosixFilePermissions(next, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.move(next, script, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return script;
    }

    /** Defines check {@code name} in {@code checksDir}, running {@code plugin} every second. */
    static void check(Path checksDir, String name, Path plugin) throws IOException {
        Files.writeString(checksDir.resolve(name + ".check"), "command=" + plugin + "\ninterval-seconds=1\n");
    }

    /** A directory of its own for one test's plugins, spool and checks directory, under the run's work directory. */
    static Path workDir(String name) throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("vantage.it.dir", "target/it"), name)
                .toAbsolutePath());
    }
}

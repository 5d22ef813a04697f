package io.vantage.cassandra.local;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The Cassandra installation the launcher runs: {@code lib/} with the cassandra-all jars and {@code conf/}
 * with {@code logback.xml}, {@value #OPTIONS_FILE} and {@value #YAML_TEMPLATE}. The build makes it as
 * {@code target/cassandra}, next to {@code target/cassandra-local.jar}.
 */
public final class CassandraHome {

    /** System property naming the home when it is not next to the launcher's jar. */
    public static final String HOME_PROPERTY = "vantage.cassandra.home";
    /** Environment variable naming the home, for scripts. */
    public static final String HOME_ENV = "VANTAGE_CASSANDRA_HOME";
    /** The JVM flags file in {@code conf/}. */
    public static final String OPTIONS_FILE = "jvm-server.options";
    /** The cassandra.yaml template in {@code conf/}. */
    public static final String YAML_TEMPLATE = "cassandra.yaml.template";

    private CassandraHome() {
    }

    /**
     * The default home: the system property, else the environment variable, else {@code cassandra} next to
     * where this class was loaded from. That last one is right both for {@code target/cassandra-local.jar}
     * and for {@code target/classes} (IDE, reactor builds), because both sit in {@code target/}.
     *
     * @throws LocalCassandraException when none of them is a usable home
     */
    public static Path locate() {
        List<String> tried = new ArrayList<>();
        String property = System.getProperty(HOME_PROPERTY);
        if (property != null && !property.isBlank()) {
            return validate(Path.of(property));
        }
        String env = System.getenv(HOME_ENV);
        if (env != null && !env.isBlank()) {
            return validate(Path.of(env));
        }
        Path besideCode = besideCode();
        if (besideCode != null) {
            if (isUsable(besideCode)) {
                return besideCode.toAbsolutePath().normalize();
            }
            tried.add("not in " + besideCode);
        } else {
            tried.add("the launcher's code location is unknown");
        }
        throw new LocalCassandraException(CasMessage.HOME_NOT_FOUND, String.join("; ", tried));
    }

    /**
     * Checks that {@code home} has {@code lib/*.jar} and the files of {@code conf/}.
     *
     * @return the home as an absolute, normalized path
     * @throws LocalCassandraException naming what is missing
     */
    public static Path validate(Path home) {
        Path absolute = home.toAbsolutePath().normalize();
        String problem = problem(absolute);
        if (problem != null) {
            throw new LocalCassandraException(CasMessage.HOME_NOT_FOUND, problem);
        }
        return absolute;
    }

    /** The classpath of the Cassandra JVM: {@code conf/} (for logback.xml) and every jar in {@code lib/}. */
    public static String classpath(Path home) {
        // the java launcher expands "dir/*" itself: no need to list 100 jars on the command line
        return home.resolve("conf") + File.pathSeparator + home.resolve("lib").resolve("*");
    }

    static Path optionsFile(Path home) {
        return home.resolve("conf").resolve(OPTIONS_FILE);
    }

    static Path yamlTemplate(Path home) {
        return home.resolve("conf").resolve(YAML_TEMPLATE);
    }

    private static boolean isUsable(Path home) {
        return problem(home) == null;
    }

    private static String problem(Path home) {
        if (!Files.isDirectory(home)) {
            return home + " is not a directory";
        }
        for (Path required : List.of(optionsFile(home), yamlTemplate(home), home.resolve("conf").resolve("logback.xml"))) {
            if (!Files.isRegularFile(required)) {
                return "missing " + required;
            }
        }
        Path lib = home.resolve("lib");
        if (!Files.isDirectory(lib)) {
            return "missing " + lib;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(lib, "*.jar")) {
            if (!jars.iterator().hasNext()) {
                return "no jars in " + lib;
            }
        } catch (IOException e) {
            return "cannot list " + lib + ": " + e.getMessage();
        }
        return null;
    }

    private static Path besideCode() {
        CodeSource source = CassandraHome.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            Path code = Path.of(source.getLocation().toURI());
            Path parent = code.toAbsolutePath().getParent();
            return parent == null ? null : parent.resolve("cassandra");
        } catch (URISyntaxException | IllegalArgumentException e) {
            // not a file: URL (custom class loader); only the explicit settings can help then
            return null;
        }
    }
}

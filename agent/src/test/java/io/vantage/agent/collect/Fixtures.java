package io.vantage.agent.collect;

import io.vantage.protocol.Sample;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Copies the /proc sample files under src/test/resources/proc to where a test's collector reads them, and reads
 * the captured command outputs beside them.
 */
final class Fixtures {

    private Fixtures() {
    }

    static void copy(String fixture, Path target) throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream("/proc/" + fixture)) {
            if (in == null) {
                throw new IOException("no fixture " + fixture);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A captured command output under src/test/resources, for example {@code df/wrapped}. */
    static String text(String resource) throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IOException("no fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Map<String, Double> byName(List<Sample> samples) {
        return samples.stream().collect(Collectors.toMap(Sample::metric, Sample::value));
    }
}
